import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import type { SendRequest } from "./build-send-request";
import { curlCommand } from "./curl-command";

const body: SendRequest = {
  to: "+31612345678",
  from: "whatsapp",
  type: "text",
  content: { text: 'It\'s $HOME and `date` and "quotes"\nnext line' },
  channel_uuid: "chan-main",
};

describe("curl command", () => {
  const command = curlCommand("https://api.callbell.eu/v1/messages/send", body);

  it("names the token's variable, never a token", () => {
    expect(command).toContain('-H "Authorization: Bearer $CALLBELL_API_TOKEN"');
  });

  it("hands the shell the exact body, with nothing expanded", () => {
    // Run the command's arguments through a real shell with curl replaced by a printer of its arguments.
    const printed = execFileSync("bash", ["-c", `curl() { printf '%s\\0' "$@"; }\n${command}`], {
      env: { ...process.env, CALLBELL_API_TOKEN: "tok-123" },
    }).toString();
    const args = printed.split("\0");
    expect(args).toContain("Authorization: Bearer tok-123");
    expect(JSON.parse(args[args.indexOf("--data") + 1]!)).toEqual(body);
  });
});
