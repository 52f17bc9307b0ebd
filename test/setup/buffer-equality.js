// jest setupFilesAfterEnv: toEqual compares two Buffers by Buffer.equals (their bytes) rather than
// element by element, as jest's own equality walks a typed array: comparing a folder's snapshot of
// ~500 KB (test/helpers/cli.ts, `snapshot`) cost ~3 s of CPU, now well under a millisecond. Equal
// when the lengths and bytes are (a property set on a Buffer is not compared; no test sets one), and
// a failure still prints both values (test/buffer-equality.test.ts).
expect.addEqualityTesters([
  function buffersEqual(a, b) {
    return Buffer.isBuffer(a) && Buffer.isBuffer(b) ? a.equals(b) : undefined;
  },
]);
