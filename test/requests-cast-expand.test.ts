// A navigation property a subtype adds, expanded behind its type cast (URL Conventions §5.1.2:
// Graph's `GET /me/messages/{id}?$expand=microsoft.graph.eventMessage/event`), on
// test/fixtures/requests/cast-expand.xml. The type's `…Navigation` lists `Ns.subtype/nav` for each
// of them, so `expand` takes it (at any level, with nested options) and refuses a misspelt one; the
// result has `nav`, read as its options say, on the members of that subtype and of the types derived
// from it, and on no other. Checked by both real compilers: each `@ts-expect-error` must meet an
// error, and nothing else may report one. Then the request on loopback, and `odatagen url`.
import * as fs from "node:fs";
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { RecordingServer } from "./helpers/recording-server";
import { expectErrorsWhereMarked, forEachCompiler } from "./helpers/typecheck";
import { urlCalls, type UrlRequest } from "../generator/url-calls";

const FIXTURE = path.join("requests", "cast-expand.xml");

const USAGE = `
import * as rt from "./runtime.js";
import { directoryObjects, getAttachment, getMailFolder, getMessage, listDirectoryObjects, listMessages, mailFolders, messageAttachments, messages } from "./mail.model.requests.js";
import type { DirectoryObjectNavigation, GroupNavigation } from "./mail.model.requests.js";
import type { DirectoryObject, Group } from "./mail.model.types.js";

declare const client: rt.Client;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// A body's bindings are its navigation properties' (a group's members), never a cast path's, which
// the open type's index signature would let through ("mail.model.user/manager@odata.bind").
export const bindings: [Same<keyof rt.Bindings<DirectoryObject, DirectoryObjectNavigation>, never>, Same<keyof rt.Bindings<Group, GroupNavigation>, "members@odata.bind">] = [true, true];

export async function usage(): Promise<void> {
  const m = await getMessage(client, messages().byKey("m"), { expand: { "mail.model.eventMessage/event": { select: ["subject"] } } });
  if (m["@odata.type"] === "#mail.model.eventMessage") {
    const subject: string | null | undefined = m.event?.subject;
    const id: string | undefined = m.event?.id;
    const isNull: Same<Extract<typeof m.event, null>, null> = true;
    void subject;
    void id;
    void isNull;
    // @ts-expect-error not selected in the expansion
    void m.event?.isAllDay;
    // @ts-expect-error the expanded entity may be null (a nullable single-valued navigation property)
    void m.event.subject;
  }
  // The types derived from eventMessage have it too.
  if (m["@odata.type"] === "#mail.model.eventMessageRequest") void m.event?.subject;
  if (m["@odata.type"] === "#mail.model.calendarSharingMessage") {
    // @ts-expect-error no event on a calendarSharingMessage
    void m.event;
  }
  if (m["@odata.type"] === undefined || m["@odata.type"] === "#mail.model.message") {
    // @ts-expect-error no event on a message
    void m.event;
  }

  // Not expanded: an eventMessage's event is not there either (before, it was, typed as a whole event).
  const plain = await getMessage(client, messages().byKey("m"));
  if (plain["@odata.type"] === "#mail.model.eventMessage") {
    // @ts-expect-error not expanded
    void plain.event;
  }

  // As a list, beside a select, on a page.
  const page = await listMessages(client, messages(), { select: ["subject"], expand: ["mail.model.eventMessage/event"] });
  for (const x of page.value) {
    if (x["@odata.type"] === "#mail.model.eventMessage") {
      const subject: string | null | undefined = x.subject;
      const isAllDay: boolean | null | undefined = x.event?.isAllDay;
      void subject;
      void isAllDay;
      // @ts-expect-error not selected
      void x.meetingMessageType;
    }
  }

  // A misspelt type or navigation property, and one the subtype does not have, do not compile.
  // @ts-expect-error no such type
  await getMessage(client, messages().byKey("m"), { expand: { "mail.model.eventMesage/event": true } });
  // @ts-expect-error no such navigation property
  await listMessages(client, messages(), { expand: ["mail.model.eventMessage/evnt"] });
  // @ts-expect-error eventMessageRequest's event is eventMessage's: expanded as mail.model.eventMessage/event
  await getMessage(client, messages().byKey("m"), { expand: ["mail.model.eventMessageRequest/event"] });
  // @ts-expect-error calendarSharingMessage has no event
  await getMessage(client, messages().byKey("m"), { expand: { "mail.model.calendarSharingMessage/event": true } });

  // Nested in another expansion, with options of its own.
  const folder = await getMailFolder(client, mailFolders().byKey("f"), { expand: { messages: { expand: { "mail.model.eventMessage/event": { select: ["isAllDay"] } } } } });
  for (const x of folder.messages) if (x["@odata.type"] === "#mail.model.eventMessage") void x.event?.isAllDay;
  // @ts-expect-error a nested misspelling too
  await getMailFolder(client, mailFolders().byKey("f"), { expand: { messages: { expand: { "mail.model.eventMessage/events": true } } } });

  // On an abstract type: an itemAttachment's item, itself a message whose eventMessage's event is expanded.
  const a = await getAttachment(client, messageAttachments(messages().byKey("m")).byKey("a"), {
    expand: { "mail.model.itemAttachment/item": { expand: { "mail.model.eventMessage/event": true } } },
  });
  if (a["@odata.type"] === "#mail.model.itemAttachment" && a.item?.["@odata.type"] === "#mail.model.eventMessage") void a.item.event?.subject;
  if (a["@odata.type"] === "#mail.model.fileAttachment") {
    // @ts-expect-error no item on a fileAttachment
    void a.item;
  }

  // A collection behind a cast, with its count; on an open subtype (user), whose index signature
  // takes any name, the path itself is no property.
  const objects = await listDirectoryObjects(client, directoryObjects(), { expand: { "mail.model.group/members": { count: true, select: ["id"] }, "mail.model.user/manager": true } });
  for (const o of objects.value) {
    if (o["@odata.type"] === "#mail.model.group") {
      const members: { id?: string }[] = o.members;
      const n: number | undefined = o["members@odata.count"];
      const next: string | undefined = o["members@odata.nextLink"];
      void members;
      void n;
      void next;
    }
    if (o["@odata.type"] === "#mail.model.user") {
      const manager: string | undefined = o.manager?.id;
      // Expanded without select: the default set, where the key is sure to be there.
      if (o.manager) {
        const sure: string = o.manager.id;
        void sure;
      }
      const path: unknown = o["mail.model.user/manager"];
      void manager;
      void path;
    }
    if (o["@odata.type"] === "#mail.model.group") {
      // A group has no manager: on this open type only the index signature's unknown.
      const none: Same<typeof o.manager, unknown> = true;
      void none;
    }
  }
}
`;

let dir = "";
beforeAll(() => {
  dir = generateFixture(FIXTURE, "cast-expand");
});

test("a type's …Navigation lists the navigation properties its subtypes declare, each behind the cast of the one that declares it", () => {
  const module = fs.readFileSync(path.join(dir, "mail.model.requests.ts"), "utf8");
  const keys = (name: string) => {
    const body = new RegExp(`export interface ${name} \\{\\n([\\s\\S]*?)\\n\\}`).exec(module)?.[1] ?? "";
    return [...body.matchAll(/^ {2}("[^"]+"|\w+):/gm)].map((k) => k[1]);
  };
  // eventMessageRequest's event is eventMessage's: reached by that cast, not listed again.
  expect(keys("MessageNavigation")).toEqual(["attachments", '"mail.model.eventMessage/event"']);
  expect(keys("EventMessageNavigation")).toEqual(["attachments", "event"]);
  expect(keys("AttachmentNavigation")).toEqual(['"mail.model.itemAttachment/item"']);
  expect(keys("DirectoryObjectNavigation")).toEqual(['"mail.model.user/manager"', '"mail.model.user/directReports"', '"mail.model.group/members"']);
  expect(module).toContain("/** Navigation properties of `mail.model.message` (inherited ones included), and its subtypes' behind their type cast (`mail.model.eventMessage/event`), for typed `$expand`. */");
});

forEachCompiler((label, c) => {
  test(`${label}: expand takes a subtype's navigation property behind its cast, and the result has it on that subtype`, () => {
    expectErrorsWhereMarked(c, dir, USAGE);
  });
});

test("the request names the cast in $expand, percent-encoded, and the expanded entity is read and validated", async () => {
  const api: typeof import("./.generated/cast-expand/mail.model.requests") = require(path.join(dir, "mail.model.requests"));
  const rt: typeof import("./.generated/cast-expand/runtime") = require(path.join(dir, "runtime"));
  const validators: typeof import("./.generated/cast-expand/mail.model.validators") = require(path.join(dir, "mail.model.validators"));
  const server = new RecordingServer();
  const baseUrl = await server.start();
  try {
    const client = rt.createClient({ baseUrl });
    const body = { "@odata.type": "#mail.model.eventMessage", id: "m1", subject: "Sync", event: { id: "e1", subject: "Sync" } };
    server.json(200, body);
    const m = await api.getMessage(client, api.messages().byKey("m1"), { expand: { "mail.model.eventMessage/event": { select: ["subject"] } }, validate: validators.validateMessage });
    expect(decodeURIComponent(server.last().url)).toBe("/messages('m1')?$expand=mail.model.eventMessage/event($select=subject)");
    expect(m).toEqual(body);
    // The validator checks the expanded entity as the subtype's navigation property declares it.
    server.json(200, { ...body, event: { id: 7 } });
    await expect(api.getMessage(client, api.messages().byKey("m1"), { expand: ["mail.model.eventMessage/event"], validate: validators.validateMessage })).rejects.toThrow(/event\/id/);
  } finally {
    await server.stop();
  }
});

/** What `odatagen url` answers for each request on the fixture (with `options`, a slice's): the call it prints, or why not. */
function urlAnswers(requests: UrlRequest[], options: object = {}): string[] {
  const file = path.join(__dirname, "fixtures", FIXTURE);
  return urlCalls({ inputs: [{ file, content: fs.readFileSync(file, "utf8") }], ...options }, requests).results.map((r) => (r.ok ? r.call.call : r.problem));
}

test("in a slice, a cast in $expand is there as the slice keeps the subtype and its navigation property, and a refusal says so", () => {
  const request = [{ method: "GET", path: "/messages?$expand=mail.model.eventMessage/event" }];
  const answer = (options: object) => urlAnswers(request, { include: ["/messages"], ...options });
  expect(answer({})).toEqual(["GET /messages: $expand=mail.model.eventMessage/event: mail.model.eventMessage is no type derived from mail.model.message in this slice (--include-derived keeps subtypes)"]);
  expect(answer({ includeDerived: true })).toEqual([
    "GET /messages: $expand=mail.model.eventMessage/event: mail.model.eventMessage has no navigation property event in this slice (a slice keeps the navigation properties its --include and --exclude reach)",
  ]);
  expect(answer({ includeDerived: true, includeNavigation: true })).toEqual(['const result = await listMessages(client, target, { expand: ["mail.model.eventMessage/event"] });']);
});

test("odatagen url writes a cast in $expand as the typed options take it, and refuses a wrong one with did-you-mean", () => {
  const results = urlAnswers([
    { method: "GET", path: "/messages/{id}?$expand=mail.model.eventMessage/event($select=subject)" },
    { method: "GET", path: "/mailFolders/{id}?$expand=messages($expand=mail.model.eventMessage/event)" },
    { method: "GET", path: "/directoryObjects?$expand=mail.model.group/members($count=true)" },
    { method: "GET", path: "/messages?$expand=mail.model.eventMessage/evnt" },
    { method: "GET", path: "/messages?$expand=mail.model.eventmessage/event" },
    { method: "GET", path: "/messages?$expand=mail.model.eventMessage/attachments" },
    { method: "GET", path: "/events?$expand=mail.model.eventMessage/event" },
    { method: "GET", path: "/messages?$expand=mail.model.eventMessageRequest/event" },
    { method: "GET", path: "/messages?$expand=mail.model.eventMessageRequest/evnt" },
  ]);
  expect(results).toEqual([
    'const result = await getMessage(client, target, { expand: { "mail.model.eventMessage/event": { select: ["subject"] } } });',
    'const result = await getMailFolder(client, target, { expand: { messages: { expand: ["mail.model.eventMessage/event"] } } });',
    'const result = await listDirectoryObjects(client, target, { expand: { "mail.model.group/members": { count: true } } });',
    "GET /messages: $expand=mail.model.eventMessage/evnt: mail.model.eventMessage has no navigation property evnt; did you mean mail.model.eventMessage/event?",
    "GET /messages: $expand=mail.model.eventmessage/event: mail.model.eventmessage is no type derived from mail.model.message; did you mean mail.model.eventMessage?",
    "GET /messages: $expand=mail.model.eventMessage/attachments: mail.model.eventMessage/attachments: attachments is a navigation property of mail.model.message itself: expand attachments",
    "GET /events: $expand=mail.model.eventMessage/event: mail.model.eventMessage is no type derived from mail.model.event (it has no subtypes)",
    "GET /messages: $expand=mail.model.eventMessageRequest/event: mail.model.eventMessageRequest/event: event is declared by mail.model.eventMessage, which mail.model.eventMessageRequest derives from: expand mail.model.eventMessage/event (its event is read on every mail.model.eventMessage, a mail.model.eventMessageRequest too)",
    "GET /messages: $expand=mail.model.eventMessageRequest/evnt: mail.model.eventMessageRequest has no navigation property evnt; did you mean mail.model.eventMessage/event?",
  ]);
});
