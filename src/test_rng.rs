//! A xorshift sequence (shifts 13, 17, 5) for tests that draw many cases:
//! the same cases on every run, no crate needed.

pub(crate) struct Xorshift(pub u32);

impl Xorshift {
    /// The sequence's next value.
    pub fn next_u32(&mut self) -> u32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 17;
        self.0 ^= self.0 << 5;
        self.0
    }

    /// The next value below `n` (which is not 0).
    pub fn below(&mut self, n: usize) -> usize {
        self.next_u32() as usize % n
    }
}
