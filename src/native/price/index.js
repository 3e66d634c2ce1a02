// Native price: integer fen → "¥" + yuan + "." + cents, the cents drawn smaller. `strike`
// draws a struck-through original price. Integer arithmetic only (the same split as
// formatFen in src/core/money.ts: 12345 → "123" + "45", -5 → "-0" + "05"). Plain JS with no
// imports: Taro bundles it as it is into dist/weapp/native/price; miniprogram-simulate runs it.

function splitFen(fen) {
  var n = Number(fen)
  if (typeof fen !== 'number' || !isFinite(n) || Math.floor(n) !== n || Math.abs(n) > 9007199254740991) {
    return { yuan: '--', cents: '--' }
  }
  var sign = n < 0 ? '-' : ''
  var abs = Math.abs(n)
  var cents = abs % 100
  return { yuan: sign + String((abs - cents) / 100), cents: cents < 10 ? '0' + cents : String(cents) }
}

Component({
  properties: {
    fen: { type: Number, value: 0 },
    strike: { type: Boolean, value: false }
  },

  data: splitFen(0),

  observers: {
    fen: function (fen) {
      this.setData(splitFen(fen))
    }
  },

  lifetimes: {
    attached: function () {
      this.setData(splitFen(this.data.fen))
    }
  }
})
