import { describe, expect, it } from "vitest";
import { httpsUrlProblem, mediaUrlProblem } from "./value-rules";

describe("media links", () => {
  it("must be public https: Callbell fetches them from the internet", () => {
    expect(httpsUrlProblem("https://cdn.example.com/a.png")).toBeNull();
    expect(httpsUrlProblem("http://cdn.example.com/a.png")).toMatch(/https URLs only/);
    for (const host of [
      "localhost",
      "files.localhost",
      "nas.local",
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.5",
      "192.168.1.10",
      "169.254.169.254",
      "[::1]",
      "[fd12:3456::1]",
    ]) {
      expect(httpsUrlProblem(`https://${host}/a.png`), host).toMatch(/is not a public address$/);
    }
    for (const host of ["172.32.0.1", "8.8.8.8", "[2001:db8::1]", "local.example.com"]) {
      expect(httpsUrlProblem(`https://${host}/a.png`), host).toBeNull();
    }
  });

  it("are refused when the file's name says it is of another type; without an extension Callbell judges", () => {
    expect(mediaUrlProblem("https://example.com/file.exe", "image")).toBe(
      "This link is a .exe file: an image must be JPEG or PNG",
    );
    expect(mediaUrlProblem("https://example.com/photo.GIF", "image")).toMatch(/^This link is a .gif file/);
    expect(mediaUrlProblem("https://example.com/photo.JPEG?size=large", "image")).toBeNull();
    expect(mediaUrlProblem("https://example.com/render.php?id=4", "image")).toBeNull();
    expect(mediaUrlProblem("https://example.com/images/4711", "image")).toBeNull();
    expect(mediaUrlProblem("https://example.com/clip.mov", "video")).toMatch(/a video must be MP4 or 3GP$/);
    expect(mediaUrlProblem("https://example.com/terms.pdf", "document")).toBeNull();
    expect(mediaUrlProblem("https://example.com/terms.zip", "document")).toMatch(/PowerPoint or text file$/);
    expect(mediaUrlProblem("https://example.com/voice.ogg", "audio")).toBeNull();
    expect(mediaUrlProblem("https://localhost/a.png", "image")).toMatch(/not a public address/);
  });
});
