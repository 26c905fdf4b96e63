# The docs' custom component examples: a static component (components.html, components.iframe)
# and the bi-directional one, wrapped as the component template wraps it. Its value is set through
# session state, as AppTest cannot click inside a frame.
import os

import streamlit as st
import streamlit.components.v1 as components

_component_func = components.declare_component(
    "my_component", path=os.path.join(os.path.dirname(os.path.abspath(__file__)), "components/my_component")
)


def my_component(name, key=None):
    component_value = _component_func(name=name, key=key, default=0)
    return component_value


num_clicks = my_component("World", key="counter")
st.markdown("You've clicked %s times!" % int(num_clicks))

# bootstrap 4 collapse example
components.html(
    """
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
    """,
    height=600,
)

# embed streamlit docs in a streamlit app
components.iframe("https://example.com", height=500)
