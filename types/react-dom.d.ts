/** react-dom ships no types and @types/react-dom is not installed: the H5 nav capsule uses createPortal only. */
declare module 'react-dom' {
  import type { ReactNode, ReactPortal } from 'react'
  export function createPortal(children: ReactNode, container: Element | DocumentFragment): ReactPortal
}
