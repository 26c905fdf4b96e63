/**
 * Formats a number with a printf-style format, as Streamlit's sliders and number inputs
 * do ("%d", "%0.2f", "%.1f%%"). Without a format, ints print as is and floats with 2 decimals.
 */
export function formatNumber(value: number, format: string | undefined, int: boolean): string {
  if (!format) return int ? String(Math.round(value)) : value.toFixed(2);
  return format.replace(/%([-+0 #]*)(\d*)(?:\.(\d+))?([diufFeEgGs%])/g, (_, flags: string, width: string, precision: string | undefined, conversion: string) => {
    if (conversion === "%") return "%";
    const digits = precision === undefined ? undefined : Number(precision);
    let text: string;
    switch (conversion) {
      case "d":
      case "i":
      case "u":
        text = String(Math.trunc(value));
        break;
      case "e":
      case "E":
        text = value.toExponential(digits ?? 6);
        break;
      case "g":
      case "G":
        text = String(Number(value.toPrecision(digits || 6)));
        break;
      case "s":
        text = String(value);
        break;
      default:
        text = value.toFixed(digits ?? 6);
    }
    if (conversion === "E" || conversion === "G") text = text.toUpperCase();
    if (flags.includes("+") && value >= 0) text = `+${text}`;
    return pad(text, Number(width || 0), flags);
  });
}

/** Decimal places needed to show multiples of `step` exactly (0.25 → 2). */
export function decimalsOf(step: number): number {
  const text = String(step);
  const exponent = /e-(\d+)$/.exec(text);
  if (exponent) return Number(exponent[1]);
  return text.includes(".") ? text.length - text.indexOf(".") - 1 : 0;
}

function pad(text: string, width: number, flags: string): string {
  if (text.length >= width) return text;
  if (flags.includes("-")) return text.padEnd(width);
  if (flags.includes("0")) {
    const sign = /^[+-]/.test(text) ? text.charAt(0) : "";
    return sign + text.slice(sign.length).padStart(width - sign.length, "0");
  }
  return text.padStart(width);
}
