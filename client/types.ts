import type { Component } from "solid-js";
import type {
  BlockKind,
  BlockNode,
  ClientFrame,
  DeltaPath,
  LeafKind,
  LeafNode,
} from "../sessions/protocol.ts";

/** Sends one frame to the session (queued while the socket reconnects). */
export type Send = (frame: ClientFrame) => void;

/** What every leaf element component receives. `node` is a live store proxy. */
export interface LeafElementProps<K extends LeafKind = LeafKind> {
  node: LeafNode<K>;
  path: DeltaPath;
  send: Send;
}

/** What every container component receives; it renders its children with `<BlockChildren>`. */
export interface BlockElementProps<K extends BlockKind = BlockKind> {
  node: BlockNode<K>;
  path: DeltaPath;
  send: Send;
}

/** Element components keyed by kind: a new element family registers here and nowhere else. */
export type ElementRegistry = { [K in LeafKind]: Component<LeafElementProps<K>> } & {
  [K in BlockKind]: Component<BlockElementProps<K>>;
};
