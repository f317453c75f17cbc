package syntax

// Feature keys are 64-bit hashes. Strings are hashed with FNV-1a; a feature template is
// combined with its values by multiply-xorshift steps, cheap enough to run some sixty
// times per parser transition.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

const (
	k1 = 0x9E3779B97F4A7C15
	k2 = 0xBF58476D1CE4E5B9
	k3 = 0x94D049BB133111EB
)

// fmix finalises a key so that both its high and its low bits are well mixed.
func fmix(x uint64) uint64 {
	x ^= x >> 31
	x *= k3
	x ^= x >> 29
	return x
}

// f1, f2, f3 and f4 are the keys of template t applied to one to four values.
func f1(t uint64, a uint64) uint64 {
	return fmix((t*k1 ^ a) * k2)
}

func f2(t uint64, a, b uint64) uint64 {
	x := (t*k1 ^ a) * k2
	x = (x ^ x>>32 ^ b) * k1
	return fmix(x)
}

func f3(t uint64, a, b, c uint64) uint64 {
	x := (t*k1 ^ a) * k2
	x = (x ^ x>>32 ^ b) * k1
	x = (x ^ x>>32 ^ c) * k2
	return fmix(x)
}

func f4(t uint64, a, b, c, d uint64) uint64 {
	x := (t*k1 ^ a) * k2
	x = (x ^ x>>32 ^ b) * k1
	x = (x ^ x>>32 ^ c) * k2
	x = (x ^ x>>32 ^ d) * k1
	return fmix(x)
}
