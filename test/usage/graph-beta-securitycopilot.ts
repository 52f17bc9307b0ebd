// The Security Copilot seed operation, against generated/graph-beta-securitycopilot. It resolves with
// the session as the service returns it: its default set, in which only the key is sure to be there.
import { createClient, type DefaultSet } from "./runtime.js";
import { security, securitySecurityCopilot, securityCopilotWorkspaces } from "./microsoft.graph.requests.js";
import { updateSession, workspaceSessions } from "./microsoft.graph.security.securityCopilot.requests.js";
import type { Session } from "./microsoft.graph.security.securityCopilot.types.js";

const client = createClient({ baseUrl: "https://graph.microsoft.com/beta", getToken: () => "token" });

export function rename(workspaceId: string, sessionId: string, displayName: string): Promise<DefaultSet<Session, "id"> | undefined> {
  const workspace = securityCopilotWorkspaces(securitySecurityCopilot(security())).byKey(workspaceId);
  return updateSession(client, workspaceSessions(workspace).byKey(sessionId), { displayName });
}
