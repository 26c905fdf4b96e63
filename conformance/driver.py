"""Plays conformance cases through Streamlit's own AppTest (the oracle).

    python conformance/driver.py [case ...]     # every case in conformance/cases when none given

Prints one JSON line per step: {"case", "step", "do", "page"}, or {"case", "step", "failure"}
when a step cannot be played. The page is the normalised form described in README.md;
driver.ts prints the same form for Edgelit.
"""

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
SET_KINDS = {"slider", "number_input", "selectbox", "checkbox", "toggle", "radio", "multiselect", "text_area", "text_input"}
CHOICE_KINDS = {"selectbox", "radio", "multiselect"}
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


def leaf(el):
    kind = el.type
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
        node = {"kind": kind, "label": el.label, "value": plain(el.value), "disabled": bool(el.proto.disabled)}
        if kind in CHOICE_KINDS:
            node["options"] = [scalar_text(o) for o in el.options]
        return node
    if kind == "markdown":
        return {"kind": kind, "value": markdown_text(el.value)}
    value = el.value
    return {"kind": kind, "value": value if isinstance(value, str) else plain(value)}


def node(el):
    if isinstance(el, Block):
        out = {"kind": block_kind(el)}
        if getattr(el, "label", None) is not None and out["kind"] in ("expander", "tab"):
            out["label"] = el.label
        out["children"] = children(el)
        return out
    return leaf(el)


def children(block):
    return [node(block.children[i]) for i in sorted(block.children)]


def page(at):
    return {"main": children(at.main), "sidebar": children(at.sidebar)}


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
        widget(at, step["widget"], step["index"]).set_value(step["value"]).run()
    elif do == "session_state":
        at.session_state[step["key"]] = step["value"]  # seen by the next run
    else:
        raise NotImplementedError(f"step {do!r} is not supported by driver.py yet")


def play_case(name, emit):
    steps = json.loads((CASES / f"{name}.steps.json").read_text())
    at = AppTest.from_file(str(CASES / f"{name}.py"), default_timeout=10)
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
        ok = [play_case(name, emit) for name in names]
    return 0 if all(ok) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
