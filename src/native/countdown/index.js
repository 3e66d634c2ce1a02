// Native countdown to `deadline` (epoch ms, server clock). `offset` = server clock - client
// clock, so the server's "now" is Date.now() + offset. Shows mm:ss, or hh:mm:ss from one hour.
// Fires `end` (detail: { deadline }) once per deadline when the time is up, and keeps its
// timer only while attached. Plain JS with no imports: Taro bundles it as it is into
// dist/weapp/native/countdown (webpack, minified) and miniprogram-simulate runs it directly.

function pad2(n) {
  return n < 10 ? '0' + n : String(n)
}

/** Whole seconds left, rounded up: 1 ms left still shows 00:01. */
function secondsLeft(deadline, offset) {
  var ms = deadline - (Date.now() + offset)
  return ms > 0 ? Math.ceil(ms / 1000) : 0
}

function formatSeconds(total) {
  var hours = Math.floor(total / 3600)
  var minutes = Math.floor((total % 3600) / 60)
  var seconds = total % 60
  var mmss = pad2(minutes) + ':' + pad2(seconds)
  return hours > 0 ? pad2(hours) + ':' + mmss : mmss
}

function toInt(value) {
  var n = Number(value)
  return isFinite(n) ? Math.floor(n) : 0
}

Component({
  properties: {
    deadline: { type: Number, value: 0 },
    offset: { type: Number, value: 0 }
  },

  data: {
    text: '00:00',
    ended: false
  },

  observers: {
    'deadline, offset': function () {
      if (this._attached) this._restart()
    }
  },

  lifetimes: {
    attached: function () {
      this._attached = true
      this._timer = null
      this._firedFor = null
      this._restart()
    },
    detached: function () {
      this._attached = false
      this._stop()
    }
  },

  methods: {
    _restart: function () {
      this._stop()
      this._tick()
    },

    _stop: function () {
      if (this._timer !== null && this._timer !== undefined) {
        clearTimeout(this._timer)
        this._timer = null
      }
    },

    _tick: function () {
      this._timer = null
      var deadline = toInt(this.data.deadline)
      var offset = toInt(this.data.offset)
      // No deadline yet (0 or unset): show zero, start nothing, announce nothing.
      if (deadline <= 0) {
        this._render(0, false)
        return
      }
      var left = secondsLeft(deadline, offset)
      this._render(left, left === 0)
      if (left === 0) {
        if (this._firedFor !== deadline) {
          this._firedFor = deadline
          this.triggerEvent('end', { deadline: deadline })
        }
        return
      }
      // Wake at the next whole-second boundary of the remaining time so the display never drifts.
      var msToNextSecond = deadline - (Date.now() + offset) - (left - 1) * 1000
      var self = this
      this._timer = setTimeout(function () {
        self._tick()
      }, Math.max(msToNextSecond, 16))
    },

    _render: function (left, ended) {
      var text = formatSeconds(left)
      // One setData a second at most, and none when nothing changed.
      if (text !== this.data.text || ended !== this.data.ended) {
        this.setData({ text: text, ended: ended })
      }
    }
  }
})
