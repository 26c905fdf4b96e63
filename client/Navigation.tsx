import { For, Show, type JSX } from "solid-js";
import type { NavigationInfo, NavPage } from "../sessions/protocol.ts";
import type { Pages } from "./pages.ts";

/** The list of an app's pages (Streamlit's sidebar navigation), grouped by section. */
export function Navigation(props: { navigation: NavigationInfo; current: string; pages: Pages }): JSX.Element {
  const sections = () => {
    const groups: { section: string; pages: NavPage[] }[] = [];
    for (const page of props.navigation.pages.filter((p) => !p.hidden)) {
      const last = groups.at(-1);
      if (last && last.section === page.section) last.pages.push(page);
      else groups.push({ section: page.section, pages: [page] });
    }
    return groups;
  };
  const isCurrent = (page: NavPage) => page.url_path === props.current || (props.current === "" && page.default);
  return (
    <nav class={`stSidebarNav nav-${props.navigation.position}`} data-testid={props.navigation.position === "top" ? "stTopNav" : "stSidebarNav"}>
      <For each={sections()}>
        {(group) => (
          <div class="nav-section">
            <Show when={group.section}>
              <header class="nav-section-header" data-testid="stNavSectionHeader">
                {group.section}
              </header>
            </Show>
            <ul data-testid="stSidebarNavItems">
              <For each={group.pages}>
                {(page) => (
                  <li>
                    <a
                      class="nav-link"
                      classList={{ active: isCurrent(page) }}
                      data-testid="stSidebarNavLink"
                      aria-current={isCurrent(page) ? "page" : undefined}
                      href={props.pages.href(page.default ? "" : page.url_path)}
                      onClick={(event) => {
                        event.preventDefault();
                        props.pages.go(page.default ? "" : page.url_path);
                      }}
                    >
                      <Show when={page.icon}>
                        <span class="nav-icon">{page.icon}</span>
                      </Show>
                      <span data-testid="stSidebarNavLinkText">{page.title}</span>
                    </a>
                  </li>
                )}
              </For>
            </ul>
          </div>
        )}
      </For>
    </nav>
  );
}
