// Loading and mounting the native components of src/native under miniprogram-simulate.
import * as path from 'path'

/**
 * The slice of miniprogram-simulate these tests use. Its own typings pull in
 * miniprogram-api-typings, whose global `require`/`Component` declarations would replace
 * Node's in every file of the project, so it is required untyped and typed here.
 */
export interface SimComponent {
  readonly dom: HTMLElement | undefined
  readonly data: Record<string, unknown>
  querySelector(selector: string): SimComponent | undefined
  setData(data: Record<string, unknown>): void
  attach(parent: Node): void
  detach(): void
}

interface Simulate {
  load(componentPath: string, tagName: string, options: { rootPath: string }): string
  load(definition: {
    template: string
    usingComponents: Record<string, string>
    data?: Record<string, unknown>
    methods?: Record<string, (...args: never[]) => void>
  }): string
  render(id: string, properties?: Record<string, unknown>): SimComponent
}

export const simulate: Simulate = require('miniprogram-simulate')

const NATIVE_ROOT = path.resolve(__dirname, '../../src/native')

/**
 * Registers src/native/<name>/index under `tagName`. Call once per test file, at module level:
 * under jest a component's index.js runs only on its first require. One rootPath for all, so
 * the official wxml compiler compiles src/native once and every component finds its template.
 */
export function loadNative(name: string, tagName: string): string {
  return simulate.load(path.join(NATIVE_ROOT, name, 'index'), tagName, { rootPath: NATIVE_ROOT })
}

export function mount(id: string, props?: Record<string, unknown>): SimComponent {
  const comp = simulate.render(id, props)
  comp.attach(document.createElement('parent-wrapper'))
  return comp
}

/** Text of the first node of the component's wxml with this class. */
export function textOf(comp: SimComponent, className: string): string | undefined {
  return comp.querySelector(`.${className}`)?.dom?.textContent ?? undefined
}
