//! Font arrays kept out of lopdf's objects. A simple font's `/Widths` and
//! its encoding's `/Differences` hold an item a code — a Chromium print's
//! 130 Type3 fonts hold 40,000, nearly every value its pages draw on — and
//! as lopdf `Object`s each item is 120 bytes, built, walked and dropped
//! (a name its own allocation). The fast loader (`lazy`) reads these two
//! arrays, where a font reader looks for them, into this compact form
//! instead: a number or a span of one shared name buffer an item.

use foldhash::HashMap;
use lopdf::ObjectId;

/// Where in an object an array was found.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Slot {
    /// `/Widths` of the object's dictionary (a simple font's).
    Widths,
    /// `/Differences` of the object's dictionary (an encoding object's).
    Differences,
    /// `/Differences` of the dictionary under the object's `/Encoding`
    /// (a font's own encoding).
    EncodingDifferences,
}

/// One item of a packed array, as lopdf would have read it.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Item<'a> {
    Integer(i64),
    Real(f32),
    /// A name, `#xx` escapes decoded.
    Name(&'a [u8]),
}

#[derive(Clone, Copy, Debug)]
enum Packed {
    Integer(i64),
    Real(f32),
    /// The name's bytes in `names`.
    Name(u32, u32),
}

/// An array of numbers and names.
#[derive(Default, Debug)]
pub struct PackedArray {
    items: Vec<Packed>,
    names: Vec<u8>,
}

impl PackedArray {
    pub fn push_integer(&mut self, i: i64) {
        self.items.push(Packed::Integer(i));
    }

    pub fn push_real(&mut self, r: f32) {
        self.items.push(Packed::Real(r));
    }

    /// Appends a name whose decoded bytes `decode` writes onto the buffer
    /// it is given; false (nothing pushed) past 4 GB of names.
    pub fn push_name(&mut self, decode: impl FnOnce(&mut Vec<u8>)) -> bool {
        let start = self.names.len();
        decode(&mut self.names);
        match (u32::try_from(start), u32::try_from(self.names.len())) {
            (Ok(s), Ok(e)) => {
                self.items.push(Packed::Name(s, e));
                true
            }
            _ => {
                self.names.truncate(start);
                false
            }
        }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn items(&self) -> Items<'_> {
        Items {
            items: self.items.iter(),
            names: &self.names,
        }
    }
}

/// The items of a [`PackedArray`].
pub struct Items<'a> {
    items: std::slice::Iter<'a, Packed>,
    names: &'a [u8],
}

impl<'a> Iterator for Items<'a> {
    type Item = Item<'a>;

    fn next(&mut self) -> Option<Item<'a>> {
        Some(match *self.items.next()? {
            Packed::Integer(i) => Item::Integer(i),
            Packed::Real(r) => Item::Real(r),
            Packed::Name(s, e) => Item::Name(&self.names[s as usize..e as usize]),
        })
    }
}

/// The packed arrays of a document's objects.
#[derive(Default, Debug)]
pub struct PackedArrays(HashMap<(ObjectId, Slot), PackedArray>);

impl PackedArrays {
    pub fn insert(&mut self, id: ObjectId, slot: Slot, a: PackedArray) {
        self.0.insert((id, slot), a);
    }

    pub fn get(&self, id: ObjectId, slot: Slot) -> Option<&PackedArray> {
        self.0.get(&(id, slot))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_read_back_as_pushed() {
        let mut a = PackedArray::default();
        a.push_integer(32);
        assert!(a.push_name(|b| b.extend_from_slice(b"space")));
        a.push_real(0.5);
        assert!(a.push_name(|b| b.extend_from_slice(b"g0")));
        let items: Vec<Item> = a.items().collect();
        assert_eq!(
            items,
            [
                Item::Integer(32),
                Item::Name(b"space"),
                Item::Real(0.5),
                Item::Name(b"g0")
            ]
        );
        assert_eq!(a.len(), 4);
    }
}
