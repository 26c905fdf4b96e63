// The docs' custom component examples: a static component (components.html, components.iframe)
// and the bi-directional one, wrapped as the component template wraps it. Its value is set through
// session state, as AppTest cannot click inside a frame.
import st from "edgelit";
import components from "edgelit/components";

const _component_func = components.declare_component("my_component", { path: "components/my_component" });

function my_component(name: string, key?: string): number {
  const component_value = _component_func<number>({ name }, { key, default: 0 });
  return component_value;
}

export default function app() {
  const num_clicks = my_component("World", "counter");
  st.markdown(`You've clicked ${Math.trunc(num_clicks)} times!`);

  // bootstrap 4 collapse example
  components.html(
    `
    <link rel="stylesheet" href="https://maxcdn.bootstrapcdn.com/bootstrap/4.0.0/css/bootstrap.min.css">
    <div id="accordion">
      <div class="card">
        <div class="card-header" id="headingOne">
          <button class="btn btn-link" data-toggle="collapse" data-target="#collapseOne">Collapsible Group Item #1</button>
        </div>
        <div id="collapseOne" class="collapse show" data-parent="#accordion">
          <div class="card-body">Collapsible Group Item #1 content</div>
        </div>
      </div>
    </div>
    `,
    { height: 600 },
  );

  // embed streamlit docs in a streamlit app
  components.iframe("https://example.com", { height: 500 });
}
