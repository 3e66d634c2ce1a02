// Jest stand-in for @tarojs/components: each Taro component becomes a plain DOM element,
// so components from src render in jsdom. Taro's onClick/onTap map to DOM onClick;
// onInput/onChange receive { detail: { value } } like in Taro.
import { createElement, type ReactNode } from 'react'

type Props = Record<string, unknown> & { children?: ReactNode; className?: string }

function make(tag: string, name: string) {
  function TaroComponent({ children, className, onClick, onTap, onInput, onChange, ...rest }: Props) {
    const dom: Record<string, unknown> = { className, 'data-taro': name }
    for (const [k, v] of Object.entries(rest)) {
      if (typeof v !== 'function' && typeof v !== 'object') dom[k] = v
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
export const ScrollView = make('div', 'ScrollView')
export const Swiper = make('div', 'Swiper')
export const SwiperItem = make('div', 'SwiperItem')
export const Navigator = make('a', 'Navigator')
export const Block = make('div', 'Block')
