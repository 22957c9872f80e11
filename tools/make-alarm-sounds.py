#!/usr/bin/env python3
"""Writes the console's alarm sounds, resources/sounds/<severity>.wav, from tones.

Short (under a second), 22.05 kHz 16-bit mono, so the resources stay small and QSoundEffect plays them
at once. The more severe, the higher, the more insistent: critical is three rising two-tone chirps,
major two beeps, minor and warning one soft tone each, info a low blip. Run from the repository root:
    python3 tools/make-alarm-sounds.py
"""

import math
import os
import struct
import wave

RATE = 22050


def tone(freq, ms, volume=0.6, freq_end=None):
    """A sine from freq to freq_end (Hz) with 8 ms fades, so it starts and stops without a click."""
    n = int(RATE * ms / 1000)
    fade = int(RATE * 0.008)
    freq_end = freq if freq_end is None else freq_end
    out = []
    phase = 0.0
    for i in range(n):
        f = freq + (freq_end - freq) * i / max(1, n - 1)
        phase += 2 * math.pi * f / RATE
        envelope = min(1.0, i / fade, (n - 1 - i) / fade)
        # A touch of the third harmonic: a pure sine is hard to hear over room noise.
        out.append(volume * envelope * (0.85 * math.sin(phase) + 0.15 * math.sin(3 * phase)))
    return out


def silence(ms):
    return [0.0] * int(RATE * ms / 1000)


SOUNDS = {
    "critical": tone(880, 110, 0.8, 1320) + silence(40) + tone(880, 110, 0.8, 1320) + silence(40)
    + tone(880, 110, 0.8, 1320),
    "major": tone(740, 160, 0.7) + silence(70) + tone(740, 160, 0.7),
    "minor": tone(587, 220, 0.55),
    "warning": tone(523, 180, 0.45),
    "info": tone(392, 120, 0.35),
}


def main():
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "sounds")
    os.makedirs(folder, exist_ok=True)
    for name, samples in SOUNDS.items():
        with wave.open(os.path.join(folder, name + ".wav"), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(RATE)
            out.writeframes(b"".join(struct.pack("<h", int(max(-1.0, min(1.0, s)) * 32767)) for s in samples))


if __name__ == "__main__":
    main()
