// toEqual on Buffers (test/setup/buffer-equality.js compares them by their bytes): the answers of
// jest's own comparison, element by element, but that a property set on a Buffer is not compared.
test("two Buffers are equal when their bytes are, in a Map of a folder's files too", () => {
  const files = (last: number) => new Map([["a.ts", Buffer.alloc(400_000, 7)], ["b.ts", Buffer.from([1, 2, last])]]);
  expect(files(3)).toEqual(files(3));
  expect(files(3)).not.toEqual(files(4));
  expect(Buffer.from("abc")).not.toEqual(Buffer.from("abcd"));
  expect(Buffer.alloc(0)).toEqual(Buffer.alloc(0));
  // Not two Buffers: jest's own comparison.
  expect(Buffer.from("ab")).toEqual(new Uint8Array([97, 98]));
  expect(Buffer.from("ab")).not.toEqual("ab");
});

test("two Buffers are compared by their bytes alone (the setup's tester answers, not jest's walk over each element and property)", () => {
  const tagged = Object.assign(Buffer.from("x"), { tag: 1 });
  expect(tagged).toEqual(Buffer.from("x"));
});

test("a Buffer that differs is reported with both values", () => {
  expect(() => expect({ f: Buffer.from("x") }).toEqual({ f: Buffer.from("y") })).toThrow(/toEqual/);
});
