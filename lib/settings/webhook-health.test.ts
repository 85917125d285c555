import { describe, expect, it } from "vitest";
import { webhookAddressProblem } from "./webhook-health";

describe("the webhook address Settings offers", () => {
  it("is fine when public and https", () => {
    expect(webhookAddressProblem("https://bellhop.example.com")).toBeNull();
  });
  it("is refused by Callbell on localhost, a private network, or plain http", () => {
    expect(webhookAddressProblem("http://localhost:3000")).toMatch(/cannot be reached from the internet/);
    expect(webhookAddressProblem("https://127.0.0.1:3000")).toMatch(/cannot be reached/);
    expect(webhookAddressProblem("https://192.168.1.20")).toMatch(/cannot be reached/);
    expect(webhookAddressProblem("https://[::1]:3000")).toMatch(/cannot be reached/);
    expect(webhookAddressProblem("http://bellhop.example.com")).toBe("Callbell calls https addresses only");
  });
});
