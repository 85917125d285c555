import { describe, expect, it } from "vitest";
import { messageSnippet, storedContent } from "./message-snippet";

const parts = {
  messageType: "text",
  templateTitle: null,
  templateUuid: null,
  templateValues: [],
  contentText: null,
  contentUrl: null,
};

describe("a send's message in one line", () => {
  it("is a text on one line, an image's caption, or a file's name when there is no caption", () => {
    expect(messageSnippet({ ...parts, contentText: "Hello\n  there" })).toBe("Hello there");
    expect(
      messageSnippet({ ...parts, messageType: "image", contentText: "Look", contentUrl: "https://x/a.png" }),
    ).toBe("Look");
    expect(messageSnippet({ ...parts, messageType: "audio", contentUrl: "https://x/voice%20note.mp3" })).toBe(
      "voice note.mp3",
    );
  });

  it("is a template's title with its values, never the template's own text", () => {
    const template = { ...parts, messageType: "template", templateUuid: "t1", templateTitle: "Order ready" };
    expect(messageSnippet({ ...template, templateValues: ["Jo", "42"], contentText: "Jo" })).toBe(
      "Order ready: Jo | 42",
    );
    expect(messageSnippet({ ...template, contentText: "We are closed today." })).toBe("Order ready");
  });

  it("reads the content of a stored body loosely", () => {
    expect(storedContent('{"content":{"text":"Hi","url":"https://x/a.png"}}')).toEqual({
      text: "Hi",
      url: "https://x/a.png",
    });
    expect(storedContent("not json")).toEqual({ text: null, url: null });
    expect(storedContent('{"content":{"text":3}}')).toEqual({ text: null, url: null });
  });
});
