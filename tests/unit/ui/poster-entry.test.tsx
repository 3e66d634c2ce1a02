/** @jest-environment jsdom */
import { afterEach, expect, test } from '@jest/globals'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import Taro from '../../mocks/taro'
import PosterEntry from '../../../src/components/poster-entry'

afterEach(cleanup)

test('生成分享海报 opens the poster page of its kind and id', () => {
  render(<PosterEntry kind='flashsale' id='sale 1' />)
  expect(screen.getByText('生成分享海报')).toBeTruthy()
  fireEvent.click(screen.getByTestId('poster-entry'))
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/share/poster/index?kind=flashsale&id=sale%201' })
})
