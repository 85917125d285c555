import { Fragment } from "react";
import { UNFILLED_PATTERN } from "@/lib/messages/message-preview";
import { parseWhatsAppFormatting, type FormatNode } from "@/lib/messages/whatsapp-format";

/** Text as WhatsApp renders it, built from elements only: what was typed is never read as HTML. */
export function FormattedText({ text }: { text: string }) {
  return <Nodes nodes={parseWhatsAppFormatting(text)} />;
}

function Nodes({ nodes }: { nodes: FormatNode[] }) {
  return nodes.map((node, index) => {
    switch (node.kind) {
      case "text":
        return <TextWithPlaceholders key={index} text={node.text} />;
      case "bold":
        return (
          <strong key={index} className="font-semibold">
            <Nodes nodes={node.children} />
          </strong>
        );
      case "italic":
        return (
          <em key={index}>
            <Nodes nodes={node.children} />
          </em>
        );
      case "strike":
        return (
          <s key={index}>
            <Nodes nodes={node.children} />
          </s>
        );
      case "mono":
        return (
          <code key={index} className="font-mono text-[0.9em]">
            <Nodes nodes={node.children} />
          </code>
        );
    }
  });
}

/** An unfilled `{{n}}` stands out, so the agent sees which value is still missing. */
function TextWithPlaceholders({ text }: { text: string }) {
  const parts = text.split(new RegExp(UNFILLED_PATTERN, "g"));
  // split() with one capture group alternates text and placeholder numbers.
  return parts.map((part, index) =>
    index % 2 === 0 ? (
      <Fragment key={index}>{part}</Fragment>
    ) : (
      <mark
        key={index}
        title={`Variable ${part} is empty`}
        className="rounded bg-amber-200 px-0.5 font-mono text-amber-950 dark:bg-amber-800/60 dark:text-amber-50"
      >
        {`{{${part}}}`}
      </mark>
    ),
  );
}
