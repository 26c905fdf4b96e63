import st from "edgelit";
import components from "edgelit/components";

/**
 * The Streamlit docs' custom component examples. Bootstrap and jQuery come from npm
 * (components/bootstrap/files.json) instead of the docs' CDN, so the page works offline.
 */
const BOOTSTRAP = "/_stcore/component/bootstrap";

// The bi-directional example's Python API, as the docs' template wraps it.
const _component_func = components.declare_component("my_component", { path: "components/my_component" });

function my_component(name: string, key?: string): number {
  return _component_func<number>({ name }, { key, default: 0 });
}

export default function app() {
  st.title("Custom components");

  st.subheader("A bi-directional component");
  const num_clicks = my_component("World", "counter");
  st.markdown(`You've clicked ${num_clicks} times!`);

  st.subheader("components.html: Bootstrap's collapse");
  // bootstrap 4 collapse example
  components.html(
    `
    <link href="${BOOTSTRAP}/bootstrap.min.css" rel="stylesheet">
    <script src="${BOOTSTRAP}/jquery.slim.min.js"></script>
    <script src="${BOOTSTRAP}/bootstrap.bundle.min.js"></script>
    <div id="accordion">
      <div class="card">
        <div class="card-header" id="headingOne">
          <h5 class="mb-0">
            <button class="btn btn-link" data-toggle="collapse" data-target="#collapseOne" aria-expanded="true" aria-controls="collapseOne">
            Collapsible Group Item #1
            </button>
          </h5>
        </div>
        <div id="collapseOne" class="collapse show" aria-labelledby="headingOne" data-parent="#accordion">
          <div class="card-body">
            Collapsible Group Item #1 content
          </div>
        </div>
      </div>
      <div class="card">
        <div class="card-header" id="headingTwo">
          <h5 class="mb-0">
            <button class="btn btn-link collapsed" data-toggle="collapse" data-target="#collapseTwo" aria-expanded="false" aria-controls="collapseTwo">
            Collapsible Group Item #2
            </button>
          </h5>
        </div>
        <div id="collapseTwo" class="collapse" aria-labelledby="headingTwo" data-parent="#accordion">
          <div class="card-body">
            Collapsible Group Item #2 content
          </div>
        </div>
      </div>
    </div>
    `,
    { height: 600 },
  );

  st.subheader("components.iframe");
  // embed a page in the app
  components.iframe("https://example.com", { height: 500 });
}
