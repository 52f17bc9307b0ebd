import type { RawDocument } from "../parse/raw";
import type { ODataVersion } from "./types";

/**
 * The OData version of the service's payloads: that of the document declaring the service's entity
 * container (its `$metadata`; a referenced vocabulary's own version says nothing about the service),
 * else of the first input. CSDL XML §3.1 / CSDL JSON §4.1: `Version` is 4.0 or 4.01; a later one
 * is read by the rules of 4.01, as the readers warn.
 */
export function serviceVersion(docs: readonly RawDocument[], container: string | undefined): ODataVersion {
  const declaring = docs.find((d) => d.schemas.some((s) => s.containers.some((c) => `${s.namespace}.${c.name}` === container)));
  const version = (declaring ?? docs[0])?.version ?? "4.0";
  return version === "4.0" ? "4.0" : "4.01";
}
