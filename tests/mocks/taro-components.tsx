// Jest stand-in for @tarojs/components: each Taro component becomes a plain DOM element,
// so components from src render in jsdom. Taro's onClick/onTap map to DOM onClick;
// onInput/onChange receive { detail: { value } } like in Taro; ScrollView's
// onScrollToLower is kept as a `scrolltolower` DOM event (fire it with
// fireEvent(el, new Event('scrolltolower'))). Only DOM-safe props are passed on
// (id, src, disabled, value, style, data-*, aria-*), so Taro-only props make no warnings.
import { createElement, useEffect, useRef, type ReactNode } from 'react'

type Props = Record<string, unknown> & { children?: ReactNode; className?: string }

const DOM_PROPS = new Set(['id', 'src', 'disabled', 'value', 'placeholder', 'type', 'title', 'style', 'maxLength'])

function make(tag: string, name: string) {
  function TaroComponent({ children, className, onClick, onTap, onInput, onChange, onScrollToLower, ...rest }: Props) {
    const ref = useRef<HTMLElement | null>(null)
    const lower = onScrollToLower as (() => void) | undefined
    useEffect(() => {
      const el = ref.current
      if (!el || !lower) return
      el.addEventListener('scrolltolower', lower)
      return () => el.removeEventListener('scrolltolower', lower)
    }, [lower])
    const dom: Record<string, unknown> = { className, 'data-taro': name, ref }
    for (const [k, v] of Object.entries(rest)) {
      if (typeof v === 'function') continue
      if (DOM_PROPS.has(k) || k.startsWith('data-') || k.startsWith('aria-')) dom[k] = v
    }
    const click = (onClick ?? onTap) as ((e: unknown) => void) | undefined
    if (click) dom.onClick = click
    const input = (onInput ?? onChange) as ((e: unknown) => void) | undefined
    if (input) {
      dom.onChange = (e: { target: { value: string } }) => input({ detail: { value: e.target.value } })
    }
    return createElement(tag, dom, children)
  }
  TaroComponent.displayName = name
  return TaroComponent
}

export const View = make('div', 'View')
export const Text = make('span', 'Text')
export const Button = make('button', 'Button')
export const Image = make('img', 'Image')
export const Input = make('input', 'Input')
export const Textarea = make('textarea', 'Textarea')
export const ScrollView = make('div', 'ScrollView')
export const Swiper = make('div', 'Swiper')
export const SwiperItem = make('div', 'SwiperItem')
export const Navigator = make('a', 'Navigator')
export const Block = make('div', 'Block')
export const Label = make('label', 'Label')
export const Canvas = make('canvas', 'Canvas')
