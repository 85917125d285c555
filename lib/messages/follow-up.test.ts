import { describe, expect, it } from "vitest";
import { emptyComposeForm } from "./compose-form";
import { followUpForm } from "./follow-up";

describe("the form after a send, ready for a follow-up message", () => {
  const sent = {
    ...emptyComposeForm("key-of-the-sent-message"),
    to: "+447700900123",
    platform: "whatsapp" as const,
    channelUuid: "chan-sales",
    type: "template" as const,
    text: "Hello",
    caption: "A caption",
    mediaUrls: {
      image: "https://e.com/a.jpg",
      document: "",
      audio: "",
      video: "",
      template: "https://e.com/h.jpg",
    },
    templateUuid: "tpl-1",
    variables: [{ value: "Jack" }, { value: "Order 7" }],
    assignedUser: "ann@example.com",
  };
  const next = followUpForm(sent, "a-new-key");

  it("keeps who it goes to and how", () => {
    expect(next).toMatchObject({
      to: "+447700900123",
      platform: "whatsapp",
      channelUuid: "chan-sales",
      type: "template",
      templateUuid: "tpl-1",
      assignedUser: "ann@example.com",
    });
  });

  it("clears the message part: text, caption, media URLs and template values (the rows stay)", () => {
    expect(next.text).toBe("");
    expect(next.caption).toBe("");
    expect(Object.values(next.mediaUrls).every((url) => url === "")).toBe(true);
    expect(next.variables).toEqual([{ value: "" }, { value: "" }]);
  });

  it("gives the next message a key of its own", () => {
    expect(next.idempotencyKey).toBe("a-new-key");
  });
});
