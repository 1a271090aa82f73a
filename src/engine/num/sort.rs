//! Sorting with little code: one merge sort over positions, shared by every
//! element type, instead of the standard library's sort compiled once per
//! type (about 4 KB of WebAssembly each). Stable, `O(n log n)`, no panics;
//! the result is exactly that of the standard stable sort.

/// The stable order of positions `0..len` under `less(a, b)` (position `a`
/// goes strictly before position `b`): a bottom-up merge sort.
fn order(len: usize, less: &mut dyn FnMut(usize, usize) -> bool) -> Vec<usize> {
    let mut from: Vec<usize> = (0..len).collect();
    let mut to = vec![0; len];
    let mut width = 1usize;
    while width < len {
        let mut start = 0;
        while start < len {
            let mid = start.saturating_add(width).min(len);
            let end = mid.saturating_add(width).min(len);
            let (mut i, mut j) = (start, mid);
            for slot in &mut to[start..end] {
                // The right run's head goes first only if strictly less: stable.
                let take_right = j < end && (i >= mid || less(from[j], from[i]));
                if take_right {
                    *slot = from[j];
                    j += 1;
                } else {
                    *slot = from[i];
                    i += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width = width.saturating_mul(2);
    }
    from
}

/// Moves the element at `order[i]` to `i` for every `i`, by swaps along the
/// permutation's cycles.
fn permute(order: &mut [usize], swap: &mut dyn FnMut(usize, usize)) {
    for start in 0..order.len() {
        let mut i = start;
        while order[i] != i {
            let next = order[i];
            order[i] = i;
            if next == start {
                break;
            }
            swap(i, next);
            i = next;
        }
    }
}

/// Stable sort of `v` by `less` (`a` goes strictly before `b`).
pub(crate) fn sort_by_less<T>(v: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    let mut order = order(v.len(), &mut |a, b| less(&v[a], &v[b]));
    permute(&mut order, &mut |a, b| v.swap(a, b));
}

/// Stable sort of `v` by `key`, as [`slice::sort_by_key`].
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by_less(v, |a, b| key(a) < key(b));
}

/// Sort of `v`, as [`slice::sort`].
pub(crate) fn sort<T: Ord>(v: &mut [T]) {
    sort_by_less(v, |a, b| a < b);
}

#[cfg(test)]
// The standard sorts are the oracle here (clippy.toml keeps them out of the program).
#[allow(clippy::disallowed_methods)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_standard_stable_sort() {
        // A small linear congruential generator: many lengths, many ties.
        let mut seed = 12345u64;
        let mut next = move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            seed >> 33
        };
        for len in 0..300 {
            for modulus in [1, 2, 5, 1000] {
                let v: Vec<(u64, usize)> = (0..len).map(|i| (next() % modulus, i)).collect();
                let mut mine = v.clone();
                sort_by_key(&mut mine, |x| x.0);
                let mut std = v.clone();
                std.sort_by_key(|x| x.0);
                assert_eq!(mine, std);
                let mut all = v.clone();
                sort(&mut all);
                let mut std_all = v;
                std_all.sort();
                assert_eq!(all, std_all);
            }
        }
    }

    #[test]
    fn sorts_strings() {
        let mut v: Vec<String> = ["b", "a", "c", "a"].iter().map(|s| s.to_string()).collect();
        sort(&mut v);
        assert_eq!(v, ["a", "a", "b", "c"]);
    }
}
