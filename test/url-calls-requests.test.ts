/**
 * What `odatagen url` prints makes the request it was asked about: the printed code is run against
 * the generated modules of test/fixtures/trippin-lite.xml with a client whose fetch records what is
 * sent, and the method and URL are the request's, its placeholders given values; a change in a set
 * with optimistic concurrency passes the ETag.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { urlCalls, type UrlCall } from "../generator/url-calls";
import { generateFixture } from "./helpers/generated";
import { runPrinted } from "./helpers/printed-code";

const LITE = path.join(__dirname, "fixtures", "trippin-lite.xml");
const dir = generateFixture("trippin-lite.xml", "url-calls-requests");
type Requests = typeof import("./.generated/url-calls-requests/Travel.Lite.requests");
type Runtime = typeof import("./.generated/url-calls-requests/runtime");
/* eslint-disable @typescript-eslint/no-require-imports */
const modules: Record<string, unknown> = {
  "./Travel.Lite.requests.js": require(path.join(dir, "Travel.Lite.requests")) as Requests,
  "./index.js": require(path.join(dir, "runtime")) as Runtime,
};
const rt = modules["./index.js"] as Runtime;
/* eslint-enable @typescript-eslint/no-require-imports */

/** Runs the printed code (plain JavaScript but for its imports and top-level await) with `values` for its variables; the requests it sent. */
async function run(c: UrlCall, values: Record<string, unknown>): Promise<string[]> {
  const sent: string[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    sent.push(`${init?.method ?? "GET"} ${url.replace("http://svc.test", "")}`);
    if (url.endsWith("/$count")) return new Response("3", { status: 200, headers: { "Content-Type": "text/plain" } });
    if (url.endsWith("/$value")) return new Response("bytes", { status: 200, headers: { "Content-Type": "application/octet-stream" } });
    return new Response(JSON.stringify({ value: [] }), { status: 200, headers: { "Content-Type": "application/json" } });
  };
  await runPrinted(c, modules, rt.createClient({ baseUrl: "http://svc.test", fetch }), values);
  return sent;
}

test.each([
  ["PATCH", "/People/{userName}/Trips/{tripId}", { userName: "u", tripId: 7, body: { Name: "x" } }, "PATCH /People('u')/Trips(7)"],
  // People has optimistic concurrency: the change passes the ETag the runtime asks for (it refuses one without), Friends by its binding to People.
  ["PUT", "/People/{userName}", { userName: "u", etag: "*", body: { UserName: "u", FirstName: "F", LastName: "L" } }, "PUT /People('u')"],
  ["DELETE", "/People/{id}/Friends/{friend}", { id: "u", friend: "v", etag: "*" }, "DELETE /People('u')/Friends('v')"],
  // The singleton Me binds Friends to People too: the runtime asks its ETag there as well.
  ["PATCH", "/Me/Friends/{friend}", { friend: "v", etag: "*", body: { FirstName: "F" } }, "PATCH /Me/Friends('v')"],
  ["DELETE", "/Me/Friends('v')", { etag: "*" }, "DELETE /Me/Friends('v')"],
  ["PATCH", "/Me/BestFriend", { body: { FirstName: "F" } }, "PATCH /Me/BestFriend"],
  ["GET", "/People('russellwhyte')/Trips(0)/PlanItems", {}, "GET /People('russellwhyte')/Trips(0)/PlanItems"],
  ["GET", "/Bookings(AirlineCode='AA',BookingNo=1)", {}, "GET /Bookings(AirlineCode='AA',BookingNo=1)"],
  ["POST", "/People", { body: { UserName: "n" } }, "POST /People"],
  ["DELETE", "/Airlines/{code}", { code: "AA" }, "DELETE /Airlines('AA')"],
  // A key's percent-encoded character (a / in it) is the character in the call, which byKey encodes again: the URL's key is sent, not a / ending its segment.
  ["GET", "/People('a%2Fb')/Trips", {}, "GET /People('a%2Fb')/Trips"],
  ["GET", "/People/a%2Fb%20c/Trips", {}, "GET /People('a%2Fb%20c')/Trips"],
  ["GET", "/Airlines('a%252Fb')", {}, "GET /Airlines('a%252Fb')"],
  ["GET", "/Me/Friends/$count", {}, "GET /Me/Friends/$count"],
  ["GET", "/Documents/{id}/$value", { id: "0f8fad5b-d9cb-469f-a165-70867728950e" }, "GET /Documents(0f8fad5b-d9cb-469f-a165-70867728950e)/$value"],
  ["POST", "/People/{id}/TL.ShareTrip", { id: "u", params: { userName: "v", tripId: 1 } }, "POST /People('u')/Travel.Lite.ShareTrip"],
  ["GET", "/GetNearestAirport(lat=33,lon=-118)", {}, "GET /GetNearestAirport(lat=33,lon=-118)"],
  // A Double with an exponent, INF, -INF and NaN (URL Conventions' doubleValue): the same numbers.
  ["GET", "/GetNearestAirport(lat=1.5E+2,lon=-INF)", {}, "GET /GetNearestAirport(lat=150,lon=-INF)"],
  ["GET", "/GetNearestAirport(lat=NaN,lon=INF)", {}, "GET /GetNearestAirport(lat=NaN,lon=INF)"],
  // A parameter the URL leaves out is a variable of its own; the ones it gives are kept.
  ["GET", "/GetNearestAirport(lat=33)", { lon: -118 }, "GET /GetNearestAirport(lat=33,lon=-118)"],
  ["GET", "/People('x')/TL.GetFriendsTrips(userName='y')/{tripId}/PlanItems", { tripId: 2 }, "GET /People('x')/Travel.Lite.GetFriendsTrips(userName='y')(2)/PlanItems"],
  // Placeholders in $filter: each value written by rt.literal as the property it is compared with takes it.
  ["GET", "/People?$filter=LastName eq '{name}' and Age gt {age} and Gender eq {gender}", { name: "O'Neil", age: 30, gender: "Female" }, "GET /People?$filter=LastName%20eq%20'O''Neil'%20and%20Age%20gt%2030%20and%20Gender%20eq%20Travel.Lite.Gender'Female'"],
  // A placeholder named as the call's own variables or the functions it imports gets a name of its own.
  ["PATCH", "/Airlines/{body}", { body2: "AA", body: { Name: "x" } }, "PATCH /Airlines('AA')"],
  ["GET", "/Airlines/{client}", { client2: "AA" }, "GET /Airlines('AA')"],
  ["GET", "/Airlines/{getAirline}", { getAirline2: "AA" }, "GET /Airlines('AA')"],
  ["GET", "/People/{personTrips}/Trips/{tripId}", { personTrips2: "u", tripId: 1 }, "GET /People('u')/Trips(1)"],
])("%s %s sends what it says", async (method, url, values, expected) => {
  const [result] = urlCalls({ inputs: [{ file: LITE, content: fs.readFileSync(LITE, "utf8") }] }, [{ method, path: url }]).results;
  if (!result.ok) throw new Error(result.problem);
  expect(await run(result.call, values)).toEqual([expected]);
});
