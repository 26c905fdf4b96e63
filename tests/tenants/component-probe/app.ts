// A test tenant for tests/browser/components.test.ts: a declared component whose front end
// (components/probe/index.html) speaks Streamlit's component protocol by hand, and beside it a
// components.html whose script keeps posting a forged setComponentValue to the page.
import st from "edgelit";
import components from "edgelit/components";

const probe = components.declare_component("probe", { path: "components/probe" });

const FORGER = `
<p id="forger">forging</p>
<script>
  var sent = 0;
  function forge() {
    sent++;
    parent.postMessage({ isStreamlitMessage: true, type: "streamlit:setComponentValue", value: 999, dataType: "json" }, "*");
    document.getElementById("forger").textContent = "forged " + sent;
  }
  forge();
  setInterval(forge, 100);
</script>
`;

export default function app() {
  st.title("Component probe");
  const value = probe<number>({}, { key: "probe", default: 0 });
  st.markdown(`value: ${value}`);
  components.html(FORGER, { height: 60 });
}
