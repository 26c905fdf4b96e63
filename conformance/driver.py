"""Plays conformance cases through Streamlit's own AppTest (the oracle).

    python conformance/driver.py [case ...]     # every case in conformance/cases when none given

Prints one JSON line per step: {"case", "step", "do", "page"}, or {"case", "step", "failure"}
when a step cannot be played. The page is the normalised form described in README.md;
driver.ts prints the same form for Edgelit.
"""

import datetime
import json
import os
import sys
import tempfile
from pathlib import Path

try:
    import streamlit
    from streamlit.testing.v1 import AppTest
    from streamlit.testing.v1.element_tree import Block, Widget
except ImportError as error:
    print(f"Python Streamlit is not importable: {error}", file=sys.stderr)
    sys.exit(3)

CASES = Path(__file__).resolve().parent / "cases"
SET_KINDS = {"slider", "number_input", "selectbox", "checkbox", "toggle", "radio", "multiselect", "text_area", "text_input",
             "select_slider", "color_picker", "date_input", "time_input", "pills", "segmented_control", "feedback", "chat_input"}
CHOICE_KINDS = {"selectbox", "radio", "multiselect", "select_slider", "pills", "segmented_control"}
# Python spells these scalars differently from JavaScript; see README "Normalisation".
PY_TO_JS = {"True": "true", "False": "false", "None": "null"}


def scalar_text(text):
    return PY_TO_JS.get(text, text)


def markdown_text(body):
    for py, js in PY_TO_JS.items():
        body = body.replace(f"`{py}`", f"`{js}`")
    return body


def plain(value):
    """A JSON value: tuples become lists, whole floats become ints (JavaScript has one number type)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, datetime.date):
        return value.isoformat()  # Edgelit's dates are ISO strings
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return f"<{type(value).__name__}>"


def block_kind(block):
    kind = block.type
    if kind == "flex_container":
        horizontal = block.proto.flex_container.direction == block.proto.flex_container.HORIZONTAL
        return "columns" if horizontal else "container"
    if kind == "tab_container":
        return "tabs"
    if kind == "status" and block.proto.state == block.proto.State.STATE_UNDEFINED:
        return "expander"  # an expander with an icon
    return kind


def time_text(value, step):
    """A time as Edgelit gives it: "HH:MM", or "HH:MM:SS" when the step is not whole minutes."""
    if not isinstance(value, datetime.time):
        return value
    return value.strftime("%H:%M" if step % 60 == 0 else "%H:%M:%S")


def date_value(value):
    """A `set` step's ISO date (or list of them) as the date objects Streamlit's AppTest takes."""
    if isinstance(value, list):
        return tuple(date_value(v) for v in value)
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def frame_cell(value):
    """A cell as Edgelit's AppTest gives it: NaN and NaT as None, timestamps as ISO text."""
    import pandas as pd

    if value is None or (not isinstance(value, (list, tuple, dict, str)) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.tz_convert("UTC").strftime("%Y-%m-%dT%H:%M:%S") if value.tzinfo else value.strftime("%Y-%m-%dT%H:%M:%S")
    if hasattr(value, "item") and not isinstance(value, (list, tuple, dict, str)):
        value = value.item()
    return plain(value)


def frame_type(series):
    """A column's type in Edgelit's words (sessions/data/table.ts)."""
    import pandas.api.types as t

    if t.is_bool_dtype(series):
        return "boolean"
    if t.is_integer_dtype(series):
        return "integer"
    if t.is_float_dtype(series):
        return "null" if series.isna().all() else "number"
    if t.is_datetime64_any_dtype(series):
        return "datetime"
    values = [v for v in series if v is not None and not (isinstance(v, float) and v != v)]
    if not values:
        return "null"
    if all(isinstance(v, str) for v in values):
        return "string"
    return "object"


def frame(df):
    import pandas as pd

    index = None if isinstance(df.index, pd.RangeIndex) and df.index.start == 0 and df.index.step == 1 else [frame_cell(v) for v in df.index]
    return {
        "columns": [str(c) for c in df.columns],
        "types": [frame_type(df[c]) for c in df.columns],
        "rows": [[frame_cell(v) for v in row] for row in df.itertuples(index=False)],
        "index": index,
    }


# What a chart's encoding channel carries (README "Charts"); the rest is presentation.
CHANNEL_KEYS = ("field", "type", "stack", "title", "value", "sort")
GENERATED_SUFFIX = " -- streamlit-generated"


def chart_channel(encoding):
    if isinstance(encoding, list):  # a tooltip: the fields it shows, each as a channel
        return [chart_channel(t) for t in encoding]
    out = {k: plain(encoding[k]) for k in CHANNEL_KEYS if k in encoding}
    # Streamlit 1.64 titles a horizontal bar chart's value axis with the melted column's made-up
    # name when y names several columns; Edgelit shows no title there (README, deliberate differences).
    if isinstance(out.get("title"), str) and out["title"].endswith(GENERATED_SUFFIX):
        out["title"] = ""
    # A scale's domain and range (the colours given per series); its other settings are presentation.
    scale = {k: plain(v) for k, v in (encoding.get("scale") or {}).items() if k in ("domain", "range")}
    if scale:
        out["scale"] = scale
    return out


def chart(el):
    """A chart: its view's mark and encoding, and its data (the melted table of a built-in chart)."""
    import pyarrow as pa

    spec = json.loads(el.proto.spec)
    view = spec["layer"][0] if "layer" in spec else spec  # a line chart's first layer is the line
    mark = view.get("mark")
    encoding = {}
    for channel, enc in (view.get("encoding") or {}).items():
        normalised = chart_channel(enc)
        if normalised:  # an empty channel ({}) draws nothing
            encoding[channel] = normalised
    data = el.proto.datasets[0].data.data if len(el.proto.datasets) else el.proto.data.data
    df = pa.ipc.open_stream(data).read_all().to_pandas() if data else None
    table = frame(df) if df is not None else {"columns": [], "rows": []}
    return {
        "kind": "vega_lite_chart",
        "mark": mark.get("type") if isinstance(mark, dict) else mark,
        "encoding": encoding,
        "data": {"columns": table["columns"], "rows": table["rows"]},
    }


def leaf(el):
    kind = el.type
    if kind in ("arrow_vega_lite_chart", "vega_lite_chart"):
        return chart(el)
    if kind in ("dataframe", "table"):
        return {"kind": kind, "value": frame(el.value)}
    if kind == "button_group":  # st.pills and st.segmented_control share one proto
        kind = "pills" if el.proto.style == el.proto.Style.PILLS else "segmented_control"
    if kind == "exception":
        # Streamlit's own errors come as "streamlit.errors.X": only the class name is compared.
        node = {"kind": kind, "error": el.proto.type.rsplit(".", 1)[-1], "message": el.proto.message}
        return {**node, "warning": True} if el.proto.is_warning else node
    if kind in ("divider", "empty"):
        return {"kind": kind}
    if kind == "json":
        try:
            return {"kind": kind, "value": plain(json.loads(el.value))}
        except ValueError:
            return {"kind": kind, "value": el.value}
    if isinstance(el, Widget):
        value = time_text(el.value, el.proto.step) if kind == "time_input" else el.value
        # st.feedback and st.chat_input have no label: Edgelit's is "".
        label = el.proto.label if "label" in el.proto.DESCRIPTOR.fields_by_name else ""
        node = {"kind": kind, "label": label, "value": plain(value), "disabled": bool(el.proto.disabled)}
        if kind in CHOICE_KINDS:
            # A pill whose label is only an icon or emoji carries it as `content_icon`.
            options = [o.content or o.content_icon for o in el.proto.options] if el.type == "button_group" else el.options
            node["options"] = [scalar_text(o) for o in options]
        return node
    if kind == "markdown":
        return {"kind": kind, "value": markdown_text(el.value)}
    if kind == "progress":
        return {"kind": kind, "label": el.proto.text, "value": el.proto.value}
    if kind == "metric":
        return {"kind": kind, "label": el.proto.label, "value": el.proto.body, "delta": el.proto.delta}
    if kind == "link_button":
        return {"kind": kind, "value": el.proto.label, "url": el.proto.url}
    if kind == "iframe":  # components.html (srcdoc) and components.iframe (src)
        return {"kind": kind, "value": el.proto.srcdoc or el.proto.src}
    if kind == "component_instance":
        # Streamlit names a component after the module that declared it ("app.my_component").
        return {"kind": kind, "name": el.proto.component_name.rsplit(".", 1)[-1], "args": json.loads(el.proto.json_args)}
    value = el.value
    return {"kind": kind, "value": value if isinstance(value, str) else plain(value)}


def node(el):
    if isinstance(el, Block):
        out = {"kind": block_kind(el)}
        if getattr(el, "label", None) is not None and out["kind"] in ("expander", "tab", "status"):
            out["label"] = el.label
        if out["kind"] == "status":
            out["state"] = el.state
        if out["kind"] == "popover":
            out["label"] = el.proto.popover.label
        if out["kind"] == "chat_message":
            out["name"] = el.name
        out["children"] = children(el)
        return out
    return leaf(el)


def children(block):
    return [node(block.children[i]) for i in sorted(block.children)]


def page(at):
    out = {"main": children(at.main), "sidebar": children(at.sidebar)}
    # Only when they hold something, so that pages without them keep the two keys. The bottom
    # root (index 3 of the tree, no public accessor) holds a main-area st.chat_input.
    bottom = at._tree.children.get(3)
    if bottom is not None and bottom.children:
        out["bottom"] = children(bottom)
    if len(at.toast) > 0:
        out["toasts"] = [t.value for t in at.toast]
    nav = navigation(at)
    if nav is not None:
        out["navigation"] = nav
    return out


def navigation(at):
    """A multipage app's pages, in order, as [title, URL path]; None for a single page.

    AppTest keeps no navigation element: this reads the pages its last run registered
    (`at._registered_pages`, what `st.navigation` or the `pages/` directory gave).
    """
    pages = at._registered_pages.values()
    if not any("url_pathname" in info for info in pages):
        return None
    return [[info["page_name"], info["url_pathname"]] for info in pages]


def widget(at, kind, index):
    found = getattr(at, kind)
    if index >= len(found):
        raise LookupError(f"there is no {kind}[{index}] (the page has {len(found)})")
    return found[index]


def play(at, step):
    """Applies one step; every interaction is followed by a run, as in at.button[0].click().run()."""
    do = step.get("do")
    if do == "run":
        at.run()
    elif do == "click":
        widget(at, "button", step["button"]).click().run()
    elif do == "input":
        widget(at, "text_input", step["text_input"]).input(step["value"]).run()
    elif do == "set":
        if step["widget"] not in SET_KINDS:
            raise ValueError(f"cannot set a {step['widget']!r}")
        value = step["value"]
        if step["widget"] == "date_input":
            value = date_value(value)  # ISO strings in the JSON step
        elif step["widget"] == "time_input" and isinstance(value, str):
            value = datetime.time.fromisoformat(value)
        widget(at, step["widget"], step["index"]).set_value(value).run()
    elif do == "session_state":
        at.session_state[step["key"]] = step["value"]  # seen by the next run
    elif do == "secret":
        at.secrets[step["key"]] = step["value"]  # seen by the next run
    elif do == "switch_page":
        at.switch_page(step["path"]).run()
    else:
        raise NotImplementedError(f"step {do!r} is not supported by driver.py yet")


def entry(name):
    """A case's script: cases/<case>.py, or cases/<case>/app.py beside its pages (see README)."""
    folder = CASES / name
    return folder / "app.py" if folder.is_dir() else CASES / f"{name}.py"


def play_case(name, emit):
    steps = json.loads((CASES / f"{name}.steps.json").read_text())
    # Streamlit's caches are the process's: every case starts with empty ones.
    streamlit.cache_data.clear()
    streamlit.cache_resource.clear()
    at = AppTest.from_file(str(entry(name)), default_timeout=10)
    for i, step in enumerate(steps):
        try:
            play(at, step)
        except Exception as error:  # a step that cannot be played fails the case, loudly
            emit({"case": name, "step": i, "failure": f"{type(error).__name__}: {error}"})
            return False
        emit({"case": name, "step": i, "do": step, "page": page(at)})
    return True


def main(names):
    names = names or sorted(p.name[: -len(".steps.json")] for p in CASES.glob("*.steps.json"))
    out = sys.stdout
    sys.stdout = sys.stderr  # an app's print() must not corrupt the JSON lines

    def emit(line):
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
        out.flush()

    emit({"streamlit": streamlit.__version__})
    with tempfile.TemporaryDirectory() as scratch:
        os.chdir(scratch)  # an app that writes files writes them here
        # A case without at.secrets has none: no secrets.toml of this machine is read.
        streamlit.config.set_option("secrets.files", [str(Path(scratch) / ".streamlit" / "secrets.toml")])
        ok = [play_case(name, emit) for name in names]
    return 0 if all(ok) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
