//! A small LZ77 compressor with a preset dictionary, for share links.
//!
//! Why not deflate: a link must stay short even when it carries a whole custom
//! offer, and what makes it short is not entropy coding but back-references
//! into text both ends already have — the presets the app ships. A preset
//! dictionary does exactly that in a hundred lines, where a deflate crate with
//! dictionary support would cost the bundle tens of kilobytes.
//!
//! The stream is a series of sequences, each
//! `varint(literal count) literals [varint(length − 4) varint(distance − 1)]`,
//! the match part absent after the last literals. A distance reaches back over
//! the dictionary followed by the output so far. Varints are LEB128 (7 bits a
//! byte, low first). The format is frozen: links made today must open forever.

/// Shortest back-reference worth writing.
const MIN_MATCH: usize = 4;
const HASH_BITS: u32 = 15;
const NONE: u32 = u32::MAX;
/// Candidates tried per position in each of the dictionary and the data:
/// enough to find the long matches that matter, bounded so a pathological
/// input cannot make compression slow.
const MAX_CANDIDATES: usize = 64;

/// Hash chains over the 4-byte sequences of a byte string: `head[h]` is the
/// latest position with hash `h`, `prev[p]` the one before `p`.
struct Chains {
    head: Vec<u32>,
    prev: Vec<u32>,
}

impl Chains {
    fn new(len: usize) -> Chains {
        Chains {
            head: vec![NONE; 1 << HASH_BITS],
            prev: vec![NONE; len],
        }
    }

    fn insert(&mut self, bytes: &[u8], p: usize) {
        if let Some(h) = hash(bytes, p) {
            self.prev[p] = self.head[h];
            self.head[h] = p as u32;
        }
    }

    /// Positions with the same hash as `bytes[p..]`, latest first.
    fn candidates<'a>(&'a self, h: usize) -> impl Iterator<Item = usize> + 'a {
        let some = |q: u32| (q != NONE).then_some(q);
        std::iter::successors(some(self.head[h]), move |&q| some(self.prev[q as usize]))
            .take(MAX_CANDIDATES)
            .map(|q| q as usize)
    }
}

fn hash(bytes: &[u8], p: usize) -> Option<usize> {
    let b = bytes.get(p..p + MIN_MATCH)?;
    let n = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
    Some((n.wrapping_mul(2_654_435_761) >> (32 - HASH_BITS)) as usize)
}

/// A dictionary with its index, built once and shared by every compression.
pub struct Dictionary {
    bytes: Vec<u8>,
    chains: Chains,
}

impl Dictionary {
    /// Indexes `bytes`.
    pub fn new(bytes: Vec<u8>) -> Dictionary {
        let mut chains = Chains::new(bytes.len());
        for p in 0..bytes.len() {
            chains.insert(&bytes, p);
        }
        Dictionary { bytes, chains }
    }

    /// The dictionary's bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }
}

fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

fn varint_len(mut n: usize) -> usize {
    let mut len = 1;
    while n >= 0x80 {
        n >>= 7;
        len += 1;
    }
    len
}

fn push_varint(out: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// The longest worthwhile match for `data[i..]`: (length, distance), or
/// length 0. Nearer matches win ties, being cheaper to write.
fn longest_match(data: &[u8], i: usize, own: &Chains, dict: &Dictionary) -> (usize, usize) {
    let Some(h) = hash(data, i) else {
        return (0, 0);
    };
    let rest = &data[i..];
    let mut best = (0, 0);
    // Within the data a match may overlap the text it produces (a run).
    for q in own.candidates(h) {
        let len = rest
            .iter()
            .enumerate()
            .take_while(|&(n, b)| data[q + n] == *b)
            .count();
        if len > best.0 {
            best = (len, i - q);
        }
    }
    for q in dict.chains.candidates(h) {
        let len = common_prefix(&dict.bytes[q..], rest);
        if len > best.0 {
            best = (len, i + dict.bytes.len() - q);
        }
    }
    // A far reference costs up to three bytes more than a near one.
    if best.0 >= MIN_MATCH && best.0 >= MIN_MATCH + varint_len(best.1 - 1) - 1 {
        best
    } else {
        (0, 0)
    }
}

/// Compresses `data` against `dict`.
pub fn compress(data: &[u8], dict: &Dictionary) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() / 4 + 16);
    let mut own = Chains::new(data.len());
    let mut literals = 0;
    let mut i = 0;
    while i < data.len() {
        let (len, distance) = longest_match(data, i, &own, dict);
        if len == 0 {
            own.insert(data, i);
            i += 1;
            continue;
        }
        push_varint(&mut out, i - literals);
        out.extend_from_slice(&data[literals..i]);
        push_varint(&mut out, len - MIN_MATCH);
        push_varint(&mut out, distance - 1);
        for p in i..i + len {
            own.insert(data, p);
        }
        i += len;
        literals = i;
    }
    push_varint(&mut out, data.len() - literals);
    out.extend_from_slice(&data[literals..]);
    out
}

/// Reads a varint of at most four bytes (28 bits: more than any limit here).
fn read_varint(bytes: &[u8], pos: &mut usize) -> Result<usize, &'static str> {
    let mut n = 0usize;
    for shift in [0, 7, 14, 21] {
        let b = *bytes.get(*pos).ok_or("the link has been cut short")?;
        *pos += 1;
        n |= usize::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Ok(n);
        }
    }
    Err("the link is corrupted (a number in it is too long)")
}

/// Decompresses `bytes` against the dictionary `dict`, refusing to produce more
/// than `max` bytes (so a small hostile link cannot exhaust memory).
pub fn decompress(bytes: &[u8], dict: &[u8], max: usize) -> Result<Vec<u8>, &'static str> {
    const TOO_LARGE: &str = "the link would expand to more than a scenario can hold";
    let mut out: Vec<u8> = Vec::new();
    let mut pos = 0;
    loop {
        let literals = read_varint(bytes, &mut pos)?;
        let end = pos
            .checked_add(literals)
            .filter(|&e| e <= bytes.len())
            .ok_or("the link has been cut short")?;
        if out.len() + literals > max {
            return Err(TOO_LARGE);
        }
        out.extend_from_slice(&bytes[pos..end]);
        pos = end;
        if pos == bytes.len() {
            return Ok(out);
        }
        let len = read_varint(bytes, &mut pos)? + MIN_MATCH;
        let distance = read_varint(bytes, &mut pos)? + 1;
        if out.len() + len > max {
            return Err(TOO_LARGE);
        }
        if distance > dict.len() + out.len() {
            return Err("the link is corrupted (it refers to text that does not exist)");
        }
        // Copied in slices, not byte by byte: a hostile stream may ask for a
        // megabyte, and a byte loop made that the fuzz target's whole cost.
        let mut left = len;
        let start = dict.len() + out.len() - distance;
        if let Some(from_dict) = dict.get(start..) {
            let n = left.min(from_dict.len());
            out.extend_from_slice(&from_dict[..n]);
            left -= n;
        }
        // The rest comes from the output, and may overlap what it writes (a
        // run): each slice is at most `distance` long, so it already exists.
        while left > 0 {
            let from = out.len() - distance;
            let n = left.min(distance);
            out.extend_from_within(from..from + n);
            left -= n;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{compress, decompress, Dictionary};

    fn round_trip(data: &[u8], dict: &Dictionary) -> usize {
        let packed = compress(data, dict);
        assert_eq!(decompress(&packed, dict.bytes(), data.len()).unwrap(), data);
        packed.len()
    }

    #[test]
    fn round_trips_and_uses_the_dictionary() {
        let dict = Dictionary::new(b"the quick brown fox jumps over the lazy dog".to_vec());
        assert_eq!(round_trip(b"", &dict), 1);
        assert_eq!(round_trip(b"abc", &dict), 4);
        // One reference into the dictionary: 0 literals, length, distance.
        assert_eq!(round_trip(b"quick brown fox", &dict), 3 + 1);
        // A run refers to itself.
        assert_eq!(round_trip(&[b'z'; 1000], &dict), 1 + 1 + 2 + 1 + 1);
        let text = b"abcabcabcabc the lazy dog jumps; the lazy dog jumps again".repeat(3);
        assert!(round_trip(&text, &dict) < text.len() / 3);
    }

    #[test]
    fn refuses_corrupt_and_oversized_streams() {
        let dict = b"0123456789";
        assert!(decompress(&[], dict, 10).is_err());
        assert!(decompress(&[5, b'a'], dict, 10).is_err());
        // A reference before the start of the dictionary.
        assert!(decompress(&[0, 0, 20], dict, 100).is_err());
        // Ten bytes from the dictionary, then a thousand-fold run: over the limit.
        let bomb = [0, 6, 9, 0, 0xe8, 0x07, 0];
        assert_eq!(decompress(&bomb[..4], dict, 100).unwrap(), dict);
        assert!(decompress(&bomb, dict, 100).is_err());
        assert!(decompress(&[0x80, 0x80, 0x80, 0x80, 0x01], dict, 100).is_err());
    }

    #[test]
    fn a_reference_can_start_in_the_dictionary_and_run_on_into_its_own_output() {
        // "ab", then 9 bytes from 4 back: "89" from the dictionary, then the
        // output so far repeated over itself, byte by byte as written.
        let stream = [2, b'a', b'b', (9 - super::MIN_MATCH) as u8, 3, 0];
        assert_eq!(
            decompress(&stream, b"0123456789", 100).unwrap(),
            b"ab89ab89ab8"
        );
        // Distance 1: a run of one byte.
        let run = [1, b'x', (7 - super::MIN_MATCH) as u8, 0, 0];
        assert_eq!(decompress(&run, b"", 100).unwrap(), b"xxxxxxxx");
    }
}
