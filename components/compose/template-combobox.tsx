"use client";

import { useEffect, useId, useState, type Ref } from "react";
import { Badge } from "@/components/ui/badge";
import { inputClassName } from "@/components/ui/input";
import {
  describeTemplate,
  isSendableTemplate,
  searchTemplates,
  type TemplateSummary,
} from "@/lib/messages/template";
import { cn } from "@/lib/utils";

type Props = {
  id: string;
  templates: TemplateSummary[];
  value: string;
  onChange: (uuid: string) => void;
  onBlur: () => void;
  inputRef: Ref<HTMLInputElement>;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
};

/**
 * The `Template` combobox (WAI-ARIA editable combobox with a list): typing searches titles and texts; approved
 * templates can be chosen, the others are listed with their status and cannot. Nothing is highlighted while typing:
 * ArrowDown starts at the first match, and Enter picks the highlighted option or else the first match. Typing an
 * approved template's exact title and leaving the field chooses it too, which keeps automated runs simple.
 */
const FOCUSABLE = "input, select, textarea, button, a[href], [tabindex]";

/** Moves the focus to the next control after `from` in the page's order, as Tab would. */
function focusAfter(from: HTMLElement) {
  const controls = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) =>
      element.tabIndex >= 0 &&
      !element.matches(":disabled") &&
      element.getClientRects().length > 0 &&
      from.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING,
  );
  controls[0]?.focus();
}

export function TemplateCombobox({ id, templates, value, onChange, onBlur, inputRef, ...aria }: Props) {
  const listId = useId();
  const selected = templates.find((t) => t.uuid === value);
  // null while the agent is not typing: the field then shows the chosen template's title.
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState<string | null>(null);

  const matches = searchTemplates(templates, query ?? "");
  const choosable = matches.filter(isSendableTemplate);
  const activeTemplate = open ? choosable.find((t) => t.uuid === active) : undefined;
  const activeId = activeTemplate ? `${listId}-${activeTemplate.uuid}` : undefined;
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: "nearest" });
  }, [activeId]);
  const [tabbedFrom, setTabbedFrom] = useState<HTMLElement | null>(null);
  useEffect(() => {
    if (!tabbedFrom) return;
    focusAfter(tabbedFrom);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a one-shot request, done once the page has the new fields
    setTabbedFrom(null);
  }, [tabbedFrom]);

  const choose = (template: TemplateSummary) => {
    if (template.uuid !== value) onChange(template.uuid);
    setQuery(null);
    setOpen(false);
  };
  const exactTitle = (text: string) =>
    choosable.find((t) => t.title.trim().toLowerCase() === text.trim().toLowerCase());
  const move = (step: 1 | -1) => {
    if (choosable.length === 0) return;
    // A closed list opens on its first (or last) option, wherever the highlight was before.
    const index = open ? choosable.findIndex((t) => t.uuid === active) : -1;
    const next = index === -1 ? (step === 1 ? 0 : choosable.length - 1) : index + step;
    setActive(choosable[(next + choosable.length) % choosable.length]!.uuid);
    setOpen(true);
  };

  return (
    <div className="relative">
      <input
        ref={inputRef}
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeId}
        placeholder="Search templates by title or text…"
        className={cn(inputClassName, "h-9")}
        value={query ?? selected?.title ?? ""}
        {...aria}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
          // No option is highlighted while typing: the first ArrowDown goes to the first match (Enter picks it).
          setActive(null);
        }}
        onClick={() => setOpen(true)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            event.preventDefault();
            move(event.key === "ArrowDown" ? 1 : -1);
          } else if (event.key === "Enter" && !event.ctrlKey && !event.metaKey) {
            // Enter picks a template; it must not send the form from inside the search.
            const pick =
              activeTemplate ??
              (query !== null ? (exactTitle(query) ?? (open ? choosable[0] : undefined)) : undefined);
            if (open || pick) event.preventDefault();
            if (pick) choose(pick);
          } else if (event.key === "Escape" && (open || query !== null)) {
            event.preventDefault();
            setOpen(false);
            setQuery(null);
            setActive(null);
          } else if (event.key === "Tab" && !event.shiftKey && query !== null) {
            // The typed title is chosen now, and the focus moves on once the chosen template's fields (its
            // variables, say) are on the page: the browser's own Tab would go to what was next before them.
            const pick = exactTitle(query);
            if (!pick) return;
            event.preventDefault();
            choose(pick);
            setTabbedFrom(event.currentTarget);
          }
        }}
        onBlur={() => {
          const pick = query !== null ? exactTitle(query) : undefined;
          if (pick) choose(pick);
          setQuery(null);
          setOpen(false);
          onBlur();
        }}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Templates"
        hidden={!open}
        className="absolute inset-x-0 top-full z-20 mt-1 max-h-80 overflow-auto rounded-md border bg-card p-1 shadow-lg"
      >
        {matches.length === 0 && (
          <li className="px-3 py-2 text-sm text-muted-foreground">No template matches “{query}”.</li>
        )}
        {matches.map((template) => {
          const sendable = isSendableTemplate(template);
          const optionId = `${listId}-${template.uuid}`;
          return (
            <li
              key={template.uuid}
              id={optionId}
              role="option"
              // The name is the title alone (ui-contract.md); status, category, header and text describe it.
              aria-labelledby={`${optionId}-title`}
              aria-describedby={`${optionId}-status ${optionId}-details`}
              aria-selected={template.uuid === value}
              aria-disabled={!sendable || undefined}
              className={cn(
                "grid cursor-pointer gap-0.5 rounded px-3 py-2 text-sm",
                template.uuid === active && "bg-accent",
                template.uuid === value && "font-medium",
                !sendable && "cursor-not-allowed opacity-60",
              )}
              // Keep the focus in the field, so the blur does not close the list before the click lands.
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => sendable && setActive(template.uuid)}
              onClick={() => sendable && choose(template)}
            >
              <span className="flex items-center gap-2">
                <span id={`${optionId}-title`} className="truncate">
                  {template.title}
                </span>
                <Badge
                  id={`${optionId}-status`}
                  variant={sendable ? "success" : "warning"}
                  className="ml-auto shrink-0"
                >
                  {template.status || "unknown"}
                </Badge>
              </span>
              <span
                id={`${optionId}-details`}
                className="grid gap-0.5 text-xs font-normal text-muted-foreground"
              >
                <span>{describeTemplate(template)}</span>
                <span className="truncate">{template.text}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
