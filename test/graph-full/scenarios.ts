// Microsoft Graph v1.0's documented calls, written as a user of the full generated output writes them:
// no casts, no `any`. test/graph-full.test.ts compiles this beside the output and runs it against a
// loopback server that answers as Graph's documentation shows.
import { addRef, createClient, ODataError, openStream, pages, readLink, readStream, removeRef, type Client } from "./runtime.js";
import {
  castDirectoryObject, createAttachment, createDriveItem, createEvent, createExtension, createSharedInsight, directoryObjects, driveItemContent,
  driveItemCreateUploadSession, driveItems, getUser, groupMembers, groups, listEvents, listMessages, listUsers, me, messageAttachments,
  officeGraphInsightsShared, sendMail, updateDriveItem, updateSharedInsight, userCalendarView, userDelta, userDrive, userEvents, userExtensions,
  userInsights, userMessages, users,
} from "./microsoft.graph.requests.js";
import {
  validateAttachment, validateEvent, validateExtension, validateMessage, validateUploadSession, validateUser,
} from "./microsoft.graph.validators.js";
import type { DriveItem, SharedInsight } from "./microsoft.graph.types.js";

export function graph(baseUrl: string, fetchImpl?: typeof fetch): Client {
  return createClient({ baseUrl, getToken: () => "t0k", retry: { delayMs: 1 }, ...(fetchImpl && { fetch: fetchImpl }) });
}

/** GET /users?$select=displayName,mail&$filter=startswith(displayName,'A')&$count=true&$top=5 (ConsistencyLevel: eventual), and the next page. */
export async function usersStartingWithA(client: Client): Promise<{ count: number | undefined; people: string[] }> {
  const first = await listUsers(client, users(), {
    select: ["displayName", "mail"],
    filter: "startswith(displayName,'A')",
    count: true,
    top: 5,
    headers: { ConsistencyLevel: "eventual" },
    validate: validateUser,
  });
  const people: string[] = [];
  for await (const page of pages(client, first)) {
    for (const user of page.value) people.push(`${user.displayName ?? "?"} <${user.mail ?? "-"}>`);
  }
  return { count: first["@odata.count"], people };
}

/** GET /me/messages?$select=subject */
export async function mySubjects(client: Client): Promise<string[]> {
  const page = await listMessages(client, userMessages(me()), { select: ["subject"], validate: validateMessage });
  return page.value.map((m) => m.subject ?? "");
}

/** POST /me/messages/{id}/attachments with a file attachment. */
export async function attachFile(client: Client, messageId: string): Promise<string> {
  const created = await createAttachment(client, messageAttachments(userMessages(me()).byKey(messageId)), {
    "@odata.type": "#microsoft.graph.fileAttachment",
    name: "smile",
    contentBytes: "R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=",
  }, { validate: validateAttachment });
  return created.id;
}

/** POST /me/sendMail */
export async function sendHello(client: Client): Promise<void> {
  await sendMail(client, me(), {
    Message: {
      subject: "Meet for lunch?",
      body: { contentType: "text", content: "The new cafeteria is open." },
      toRecipients: [{ emailAddress: { address: "frannis@contoso.com" } }],
      ccRecipients: [{ emailAddress: { address: "danas@contoso.com" } }],
      attachments: [{ "@odata.type": "#microsoft.graph.fileAttachment", name: "attachment.txt", contentType: "text/plain", contentBytes: "SGVsbG8gV29ybGQh" }],
    },
    SaveToSentItems: false,
  });
}

/** POST /groups/{id}/members/$ref, DELETE /groups/{id}/members/{memberId}/$ref, GET /groups/{id}/members/microsoft.graph.user */
export async function membership(client: Client, groupId: string, memberId: string): Promise<string[]> {
  const members = groupMembers(groups().byKey(groupId));
  await addRef(client, members, directoryObjects().byKey(memberId));
  await removeRef(client, members.byKey(memberId));
  const page = await listUsers(client, castDirectoryObject(members, "microsoft.graph.user"), { select: ["displayName", "userPrincipalName"], validate: validateUser });
  return page.value.map((u) => u.userPrincipalName ?? "");
}

/** GET /users/delta() to the end of the round, then the next round from its @odata.deltaLink. */
export async function deltaRounds(client: Client): Promise<{ names: string[]; removed: string[]; deltaLink: string | undefined }> {
  const names: string[] = [];
  const removed: string[] = [];
  const first = userDelta(client, users(), { select: ["displayName"], validate: validateUser });
  let last = await first;
  for await (const page of pages(client, first)) {
    for (const u of page.value) {
      if (u["@removed"]) removed.push(u.id ?? "");
      else names.push(u.displayName ?? "");
    }
    last = page;
  }
  const deltaLink = last["@odata.deltaLink"];
  if (!deltaLink) return { names, removed, deltaLink };
  // The next round, typed as this one (`from`), as a program that stored the link would read it.
  const next = await readLink(client, deltaLink, { from: last, validate: validateUser });
  for (const u of next.value) names.push(u.displayName ?? "");
  return { names, removed, deltaLink: next["@odata.deltaLink"] };
}

/** GET /me/drive/items/{id}/content (a redirect to the download), POST /me/drive/items/{id}/createUploadSession */
export async function driveFile(client: Client, itemId: string): Promise<{ text: string; uploadUrl: string | null | undefined }> {
  const item = driveItems(userDrive(me())).byKey(itemId);
  const blob = await readStream(client, driveItemContent(item));
  const session = await driveItemCreateUploadSession(client, item, { item: { name: "largefile.dat", description: "a large file" } }, { validate: validateUploadSession });
  return { text: await blob.text(), uploadUrl: session?.uploadUrl };
}

/** The same download as it comes (`openStream`, not held whole): its type and length, then its text once read to the end. */
export async function driveFileStreamed(client: Client, itemId: string): Promise<{ type: string | undefined; length: number | undefined; text: string }> {
  const media = await openStream(client, driveItemContent(driveItems(userDrive(me())).byKey(itemId)));
  return { type: media.contentType, length: media.length, text: await new Response(media.body).text() };
}

/** PATCH /me/drive/items/{id} with an item as a value typed `DriveItem` holds it, whole (compiled, not run: the body's type check). */
export async function saveDriveItem(client: Client, itemId: string, item: DriveItem): Promise<void> {
  await updateDriveItem(client, driveItems(userDrive(me())).byKey(itemId), item);
}

/**
 * The same values refused whole as a PUT's and a create's body, whose related entities of an
 * abstract type must name their types (`entity`, 1054 subtypes, in a shared insight's `resource`;
 * `authenticationMethod`): refused by an ordinary error, not TS2859 (compiled, not run).
 */
export async function putWhole(client: Client, item: DriveItem, insight: SharedInsight): Promise<void> {
  const items = driveItems(userDrive(me()));
  const shared = officeGraphInsightsShared(userInsights(me()));
  // @ts-expect-error a related entity may leave out its @odata.type
  await updateDriveItem(client, items.byKey("i"), item, { replace: true });
  // @ts-expect-error so in a create
  await createDriveItem(client, items, item);
  // @ts-expect-error its resource may leave out its @odata.type
  await updateSharedInsight(client, shared.byKey("s"), insight, { replace: true });
  // @ts-expect-error so in a create
  await createSharedInsight(client, shared, insight);
}

/** POST /me/events with start and end in a time zone; GET /me/calendarView?startDateTime=…&endDateTime=… */
export async function calendar(client: Client): Promise<{ created: string; seen: string[] }> {
  const event = await createEvent(client, userEvents(me()), {
    subject: "Let's go for lunch",
    body: { contentType: "html", content: "Does noon work for you?" },
    start: { dateTime: "2017-04-15T12:00:00", timeZone: "Pacific Standard Time" },
    end: { dateTime: "2017-04-15T14:00:00", timeZone: "Pacific Standard Time" },
    location: { displayName: "Harry's Bar" },
    attendees: [{ emailAddress: { address: "samanthab@contoso.com", name: "Samantha Booth" }, type: "required" }],
    allowNewTimeProposals: true,
  }, { validate: validateEvent });
  const view = await listEvents(client, userCalendarView(me()), {
    query: { startDateTime: "2017-01-01T19:00:00-08:00", endDateTime: "2017-01-07T19:00:00-08:00" },
    select: ["subject", "start", "end"],
    validate: validateEvent,
  });
  return { created: event.id, seen: view.value.map((e) => `${e.subject ?? ""} ${e.start?.dateTime ?? ""} ${e.start?.timeZone ?? ""}`) };
}

/** POST /me/extensions: an open type extension with dynamic properties. */
export async function referral(client: Client): Promise<unknown> {
  const ext = await createExtension(client, userExtensions(me()), {
    "@odata.type": "#microsoft.graph.openTypeExtension",
    extensionName: "Com.Contoso.Referral",
    companyName: "Wingtip Toys",
    dealValue: 500050,
    expirationDate: "2015-12-03T10:00:00.000Z",
  }, { validate: validateExtension });
  return ext["dealValue"];
}

/** A 404 with Graph's error body: what a user reports. */
export async function missingUser(client: Client, id: string): Promise<string> {
  try {
    const user = await getUser(client, users().byKey(id), { select: ["displayName"], validate: validateUser });
    return user.displayName ?? "";
  } catch (e) {
    if (!(e instanceof ODataError)) throw e;
    return `${e.status} ${e.code}: ${e.message} (request-id ${e.requestId ?? "?"}, ${String(e.innerError?.["date"])})`;
  }
}

/** A 429 with Retry-After is waited for and sent again; one asking for longer than the client waits is the caller's. */
export async function throttled(client: Client): Promise<{ subjects: string[]; refused: string }> {
  const subjects = await mySubjects(client);
  try {
    await mySubjects(client);
    return { subjects, refused: "" };
  } catch (e) {
    if (e instanceof ODataError) return { subjects, refused: `${e.status} ${e.code}: ${e.message}` };
    throw e;
  }
}
