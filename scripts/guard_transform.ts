/**
 * Puts the CPU guard (sessions/runtime/cpu_guard.ts) into a module of an app's isolate: a call
 * at the start of every loop body and every function body, so that no code in the module can
 * run long without passing through the budget. The guard is imported under a name made for
 * this build, which no source can know in advance, so no code can shadow it with its own.
 */
import { transformSync, types as t, type PluginObj, type NodePath } from "@babel/core";
import { randomBytes } from "node:crypto";

export interface GuardOptions {
  /** The guard module's specifier, as the module imports it. */
  from: string;
  /** `appTick` for the app's code, `engineTick` for the engine's. */
  tick: "appTick" | "engineTick";
}

export function insertCpuGuards(code: string, options: GuardOptions): string {
  const local = `__edgelitCpu_${randomBytes(6).toString("hex")}`;
  if (code.includes("__edgelitCpu_")) throw new Error("The module names the CPU guard itself; it cannot be built.");
  const call = () => t.expressionStatement(t.callExpression(t.identifier(local), []));

  const guardBlock = (body: t.Statement): t.BlockStatement => (t.isBlockStatement(body) ? body : t.blockStatement([body]));

  const plugin: PluginObj = {
    name: "edgelit-cpu-guard",
    visitor: {
      Program: {
        exit(path) {
          const specifier = t.importSpecifier(t.identifier(local), t.identifier(options.tick));
          path.unshiftContainer("body", t.importDeclaration([specifier], t.stringLiteral(options.from)));
        },
      },
      Loop(path: NodePath<t.Loop>) {
        const block = guardBlock(path.node.body);
        block.body.unshift(call());
        path.node.body = block;
      },
      Function(path: NodePath<t.Function>) {
        const node = path.node;
        if (t.isBlockStatement(node.body)) {
          node.body.body.unshift(call());
        } else {
          node.body = t.blockStatement([call(), t.returnStatement(node.body)]);
        }
      },
      StaticBlock(path: NodePath<t.StaticBlock>) {
        path.node.body.unshift(call());
      },
    },
  };
  const result = transformSync(code, {
    babelrc: false,
    configFile: false,
    sourceType: "module",
    compact: false,
    comments: false,
    plugins: [plugin],
  });
  if (!result?.code) throw new Error("The CPU guard could not be inserted.");
  return result.code;
}
