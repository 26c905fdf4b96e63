/**
 * The front end of the Streamlit docs' bi-directional example, as the React template of
 * streamlit/component-template writes it: a greeting with the `name` argument and a button whose
 * click count goes back to the script with Streamlit.setComponentValue. It runs unchanged under
 * Streamlit and under Edgelit.
 */
import { StrictMode, useState, type CSSProperties } from "react";
import { createRoot } from "react-dom/client";
import { Streamlit, StreamlitComponentBase, withStreamlitConnection, type ComponentProps } from "streamlit-component-lib";

interface State {
  numClicks: number;
  isFocused: boolean;
}

class MyComponent extends StreamlitComponentBase<State> {
  public state: State = { numClicks: 0, isFocused: false };

  public render = () => {
    const name = String(this.props.args["name"]);
    const { theme } = this.props;
    const style: CSSProperties = {};
    if (theme) {
      // The border follows the app's theme, and shows focus in its primary colour.
      const borderStyling = `1px solid ${this.state.isFocused ? theme.primaryColor : "gray"}`;
      style.border = borderStyling;
      style.outline = borderStyling;
    }
    return (
      <span>
        Hello, {name}! &nbsp;
        <button
          style={style}
          onClick={this.onClicked}
          disabled={this.props.disabled}
          onFocus={() => this.setState({ isFocused: true })}
          onBlur={() => this.setState({ isFocused: false })}
        >
          Click Me!
        </button>
        <ThemeProbe theme={this.props.theme} />
      </span>
    );
  };

  private onClicked = (): void => {
    this.setState(
      (prev) => ({ numClicks: prev.numClicks + 1 }),
      () => Streamlit.setComponentValue(this.state.numClicks),
    );
  };
}

/** What the component knows of the app's theme, and a taller body on demand (setFrameHeight). */
function ThemeProbe(props: { theme: ComponentProps["theme"] }) {
  const [tall, setTall] = useState(false);
  return (
    <div data-theme-base={props.theme?.base ?? ""} data-theme-text={props.theme?.textColor ?? ""} style={{ height: tall ? 300 : "auto" }}>
      <small id="theme">theme: {props.theme?.base ?? "none"}</small>{" "}
      <button
        id="grow"
        onClick={() => {
          setTall(true);
          setTimeout(() => Streamlit.setFrameHeight(), 0);
        }}
      >
        Taller
      </button>
    </div>
  );
}

const Connected = withStreamlitConnection(MyComponent);
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Connected />
  </StrictMode>,
);
