import { createEffect, createSignal, createUniqueId, on, onCleanup, Show, type JSX } from "solid-js";
import type { LeafElementProps } from "../types.ts";
import { hiddenLabel, sendWidgetValue } from "../widget.ts";
import { WidgetLabel } from "./parts.tsx";

const RANGE_SEPARATOR = " – ";

/**
 * `st.date_input`: a text field showing the date(s) in the widget's `format`, and the
 * browser's own calendar behind a button. A range is picked in two steps, start then end.
 * Sends ISO dates: `[date]`, `[start, end]`, or `[]` when cleared.
 */
export function DateInput(props: LeafElementProps<"date_input">): JSX.Element {
  const fieldId = createUniqueId();
  const p = () => props.node.props;
  const shown = () => p().value.map((d) => formatDate(d, p().format)).join(RANGE_SEPARATOR);
  const [text, setText] = createSignal(shown());
  const [rangeStart, setRangeStart] = createSignal<string | null>(null);
  createEffect(
    on(shown, (value) => {
      setText(value);
      setRangeStart(null);
    }, { defer: true }),
  );
  let picker!: HTMLInputElement;

  const commit = (dates: string[]) => {
    if (dates.join() !== p().value.join()) sendWidgetValue(props, dates);
    else setText(shown());
  };
  const commitText = () => {
    // Mid-way through picking a range (the start chosen, the end not yet), nothing is sent.
    if (rangeStart() !== null) return;
    const dates = parseField(text(), p());
    if (dates) commit(dates);
    else setText(shown());
  };
  const openPicker = () => {
    const start = rangeStart();
    picker.min = start ?? p().min;
    picker.max = p().max;
    picker.value = start ?? p().value[0] ?? "";
    try {
      picker.showPicker();
    } catch {
      // No user gesture (the range's second step) or no showPicker: the button opens it.
    }
  };
  const picked = (date: string) => {
    if (!date || date < p().min || date > p().max) return;
    if (!p().is_range) return commit([date]);
    const start = rangeStart();
    if (start === null) {
      setRangeStart(date);
      setText(formatDate(date, p().format) + RANGE_SEPARATOR);
      // The end's calendar opens at once where the browser allows it; else the button opens it.
      queueMicrotask(openPicker);
      return;
    }
    setRangeStart(null);
    commit(start <= date ? [start, date] : [date, start]);
  };

  return (
    <div class="stDateInput" data-testid="stDateInput">
      <WidgetLabel label={p().label} for={fieldId} help={p().help} visibility={p().label_visibility} />
      <div class="input-box date-input-box" classList={{ disabled: p().disabled }}>
        <input
          id={fieldId}
          type="text"
          data-testid="stDateInputField"
          value={text()}
          placeholder={p().is_range ? `${p().format}${RANGE_SEPARATOR}${p().format}` : p().format}
          disabled={p().disabled}
          aria-label={hiddenLabel(p())}
          onInput={(event) => {
            setRangeStart(null);
            setText(event.currentTarget.value);
          }}
          onBlur={commitText}
          onKeyDown={(event) => {
            if (event.key === "Enter") commitText();
            if (event.key === "Escape") setText(shown());
          }}
        />
        <Show when={p().clearable && p().value.length > 0 && !p().disabled}>
          <button type="button" class="input-clear" data-testid="stDateInputClearButton" aria-label="Clear value" onClick={() => commit([])}>
            ×
          </button>
        </Show>
        <button
          type="button"
          class="input-adornment"
          aria-label={rangeStart() === null ? "Choose date" : "Choose end date"}
          disabled={p().disabled}
          onClick={openPicker}
        >
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
            <path fill="currentColor" d="M7 2h2v2h6V2h2v2h3v18H4V4h3zm11 8H6v10h12zM6 6v2h12V6z" />
          </svg>
        </button>
        <input ref={picker} type="date" class="native-picker" tabindex="-1" aria-hidden="true" onChange={(event) => picked(event.currentTarget.value)} />
      </div>
    </div>
  );
}

/**
 * `st.time_input`: the browser's time field. Typing changes it segment by segment, so the
 * value is sent when the field settles (a pause, Enter, or leaving it), not on every digit.
 */
export function TimeInput(props: LeafElementProps<"time_input">): JSX.Element {
  const inputId = createUniqueId();
  const p = () => props.node.props;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let input!: HTMLInputElement;
  onCleanup(() => clearTimeout(timer));

  const commit = () => {
    clearTimeout(timer);
    const raw = input.value;
    if (raw === "") {
      if (p().clearable) {
        if (p().value !== null) sendWidgetValue(props, null);
      } else input.value = p().value ?? "";
      return;
    }
    const withSeconds = p().step % 60 !== 0;
    const value = withSeconds ? (raw.length === 5 ? `${raw}:00` : raw.slice(0, 8)) : raw.slice(0, 5);
    if (value !== p().value) sendWidgetValue(props, value);
  };

  return (
    <div class="stTimeInput" data-testid="stTimeInput">
      <WidgetLabel label={p().label} for={inputId} help={p().help} visibility={p().label_visibility} />
      <div class="input-box" classList={{ disabled: p().disabled }}>
        <input
          ref={input}
          id={inputId}
          type="time"
          data-testid="stTimeInputTimeDisplay"
          step={p().step}
          value={p().value ?? ""}
          disabled={p().disabled}
          aria-label={hiddenLabel(p())}
          onChange={() => {
            clearTimeout(timer);
            timer = setTimeout(commit, 700);
          }}
          onBlur={commit}
          onKeyDown={(event) => event.key === "Enter" && commit()}
        />
        <Show when={p().clearable && p().value !== null && !p().disabled}>
          <button
            type="button"
            class="input-clear"
            data-testid="stTimeInputClearButton"
            aria-label="Clear value"
            onClick={() => {
              input.value = "";
              commit();
            }}
          >
            ×
          </button>
        </Show>
      </div>
    </div>
  );
}

/** An ISO date shown in a Streamlit date format ("YYYY/MM/DD", "DD.MM.YYYY", ...). */
function formatDate(iso: string, format: string): string {
  const [year = "", month = "", day = ""] = iso.split("-");
  return format.replace("YYYY", year).replace("MM", month).replace("DD", day);
}

/** The ISO dates typed in the field, or null when the text is not valid for the widget. */
function parseField(text: string, props: LeafElementProps<"date_input">["node"]["props"]): string[] | null {
  const parts = text
    // The dash the field shows, or a hyphen with spaces around it, as one types it.
    .split(/\s*[–—]\s*|\s+-\s+/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
  if (parts.length === 0) return props.clearable ? [] : null;
  if (parts.length > (props.is_range ? 2 : 1)) return null;
  const dates: string[] = [];
  for (const part of parts) {
    const date = parseDate(part, props.format);
    if (!date || date < props.min || date > props.max) return null;
    dates.push(date);
  }
  return dates.sort();
}

/** An ISO date from text in `format` (or in ISO form), or null. */
function parseDate(text: string, format: string): string | null {
  for (const candidate of [format, "YYYY-MM-DD"]) {
    const order: string[] = [];
    const pattern = candidate.replace(/YYYY|MM|DD|[./-]/g, (token) => {
      if (token.length === 1) return `\\${token}`;
      order.push(token);
      return token === "YYYY" ? "(\\d{4})" : "(\\d{1,2})";
    });
    const match = new RegExp(`^${pattern}$`).exec(text);
    if (!match) continue;
    const field = (token: string) => Number(match[order.indexOf(token) + 1]);
    const [year, month, day] = [field("YYYY"), field("MM"), field("DD")];
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
    if (year < 1 || days === undefined || day < 1 || day > days) return null;
    return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  }
  return null;
}
