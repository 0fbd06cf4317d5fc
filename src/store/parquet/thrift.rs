//! Thrift's compact protocol, the writing half only: what a Parquet footer and its page
//! headers are made of (parquet-format's `parquet.thrift`). A struct is its fields in
//! increasing id order, each a header byte (the id's step from the last field and the
//! type) and its value, then a stop byte.

/// Compact-protocol type codes.
#[derive(Clone, Copy)]
#[repr(u8)]
enum Type {
    True = 1,
    False = 2,
    I32 = 5,
    I64 = 6,
    Binary = 8,
    List = 9,
    Struct = 12,
}

/// Bytes being written, with the last field id of each struct still open.
#[derive(Default)]
pub struct Compact {
    pub out: Vec<u8>,
    last: Vec<i16>,
    current: i16,
}

impl Compact {
    fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.out.push(v as u8 | 0x80);
            v >>= 7;
        }
        self.out.push(v as u8);
    }

    fn zigzag(&mut self, v: i64) {
        self.varint(((v << 1) ^ (v >> 63)) as u64);
    }

    fn field(&mut self, id: i16, t: Type) {
        let step = id - self.current;
        if (1..=15).contains(&step) {
            self.out.push((step as u8) << 4 | t as u8);
        } else {
            self.out.push(t as u8);
            self.zigzag(i64::from(id));
        }
        self.current = id;
    }

    pub fn i32(&mut self, id: i16, v: i32) {
        self.field(id, Type::I32);
        self.zigzag(i64::from(v));
    }

    pub fn i64(&mut self, id: i16, v: i64) {
        self.field(id, Type::I64);
        self.zigzag(v);
    }

    pub fn bool(&mut self, id: i16, v: bool) {
        self.field(id, if v { Type::True } else { Type::False });
    }

    pub fn binary(&mut self, id: i16, v: &[u8]) {
        self.field(id, Type::Binary);
        self.varint(v.len() as u64);
        self.out.extend_from_slice(v);
    }

    /// A struct field: its fields follow, then [`Compact::end`].
    pub fn begin(&mut self, id: i16) {
        self.field(id, Type::Struct);
        self.open();
    }

    /// Opens a struct that is not a field (the message itself, a list element).
    pub fn open(&mut self) {
        self.last.push(self.current);
        self.current = 0;
    }

    /// Closes the innermost open struct.
    pub fn end(&mut self) {
        self.out.push(0);
        self.current = self.last.pop().unwrap_or(0);
    }

    fn list(&mut self, id: i16, len: usize, t: Type) {
        self.field(id, Type::List);
        if len < 15 {
            self.out.push((len as u8) << 4 | t as u8);
        } else {
            self.out.push(0xF0 | t as u8);
            self.varint(len as u64);
        }
    }

    /// A list of structs: each element is written between [`Compact::open`] and
    /// [`Compact::end`].
    pub fn struct_list(&mut self, id: i16, len: usize) {
        self.list(id, len, Type::Struct);
    }

    pub fn i32_list(&mut self, id: i16, values: &[i32]) {
        self.list(id, values.len(), Type::I32);
        for &v in values {
            self.zigzag(i64::from(v));
        }
    }

    pub fn binary_list(&mut self, id: i16, values: &[&[u8]]) {
        self.list(id, values.len(), Type::Binary);
        for v in values {
            self.varint(v.len() as u64);
            self.out.extend_from_slice(v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_lists_and_nested_structs_are_encoded_as_thrift_does() {
        let mut c = Compact::default();
        c.open();
        c.i32(1, 3); // step 1, i32: 0x15, zigzag(3) = 6
        c.i64(3, -1); // step 2, i64: 0x26, zigzag(-1) = 1
        c.begin(4); // step 1, struct: 0x1c
        c.binary(1, b"ab"); // 0x18, 2, "ab"
        c.end(); // 0
        c.bool(20, true); // step 16: long form, 0x01, zigzag(20) = 40
        c.i32_list(21, &[1, 2]); // 0x19, (2 << 4) | 5, 2, 4
        c.struct_list(22, 16); // 0x19, 0xfc, 16
        c.end();
        assert_eq!(
            c.out,
            [
                0x15, 6, 0x26, 1, 0x1c, 0x18, 2, b'a', b'b', 0, 0x01, 40, 0x19, 0x25, 2, 4, 0x19,
                0xfc, 16, 0
            ]
        );
        let mut v = Compact::default();
        v.i64(1, 300); // zigzag 600 = 0xd8 0x04
        assert_eq!(v.out, [0x16, 0xd8, 0x04]);
    }
}
