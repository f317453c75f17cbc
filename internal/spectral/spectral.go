// Package spectral learns word clusters' building blocks: frequency cut-offs, a sparse
// matrix, a randomized SVD and spherical k-means. The entity recogniser (ner) and the
// syntax models both learn word clusters from unlabelled text with them.
package spectral

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
)

// TopKeys returns the keys with count ≥ min, most frequent first (ties by key), at most n.
func TopKeys(m map[string]int, minCount, n int) []string {
	var ks []string
	for k, c := range m {
		if c >= minCount {
			ks = append(ks, k)
		}
	}
	slices.SortFunc(ks, func(a, b string) int {
		if c := cmp.Compare(m[b], m[a]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	if len(ks) > n {
		ks = ks[:n]
	}
	return ks
}

// CSR is a sparse matrix in compressed sparse row form.
type CSR struct {
	Rows, Cols int
	RowPtr     []int
	Col        []int32
	Val        []float64
}

// mul returns A·X for X dense cols×k (row-major); the result is rows×k.
func (a *CSR) mul(x []float64, k int) []float64 {
	y := make([]float64, a.Rows*k)
	for r := 0; r < a.Rows; r++ {
		yr := y[r*k : (r+1)*k]
		for p := a.RowPtr[r]; p < a.RowPtr[r+1]; p++ {
			v := a.Val[p]
			xr := x[int(a.Col[p])*k : int(a.Col[p]+1)*k]
			for j := range yr {
				yr[j] += v * xr[j]
			}
		}
	}
	return y
}

// mulT returns Aᵀ·Y for Y dense rows×k; the result is cols×k.
func (a *CSR) mulT(y []float64, k int) []float64 {
	x := make([]float64, a.Cols*k)
	for r := 0; r < a.Rows; r++ {
		yr := y[r*k : (r+1)*k]
		for p := a.RowPtr[r]; p < a.RowPtr[r+1]; p++ {
			v := a.Val[p]
			xr := x[int(a.Col[p])*k : int(a.Col[p]+1)*k]
			for j := range xr {
				xr[j] += v * yr[j]
			}
		}
	}
	return x
}

// orthonormalize makes the k columns of the n×k row-major matrix m orthonormal (modified
// Gram–Schmidt, applied twice for stability).
func orthonormalize(m []float64, n, k int) {
	colsM := make([][]float64, k)
	for j := range colsM {
		c := make([]float64, n)
		for i := 0; i < n; i++ {
			c[i] = m[i*k+j]
		}
		colsM[j] = c
	}
	for range 2 {
		for j := 0; j < k; j++ {
			cj := colsM[j]
			for i := 0; i < j; i++ {
				ci := colsM[i]
				d := dot(ci, cj)
				for t := range cj {
					cj[t] -= d * ci[t]
				}
			}
			norm := math.Sqrt(dot(cj, cj))
			if norm < 1e-12 {
				clear(cj)
				continue
			}
			for t := range cj {
				cj[t] /= norm
			}
		}
	}
	for j, c := range colsM {
		for i := 0; i < n; i++ {
			m[i*k+j] = c[i]
		}
	}
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// RandomizedSVD returns the rows of U·Σ^½ for the top dim singular values of a,
// normalised to unit length, as a rows×dim row-major matrix.
func RandomizedSVD(a *CSR, dim, power int, rng *rand.Rand) []float64 {
	l := dim + 10
	omega := make([]float64, a.Cols*l)
	for i := range omega {
		omega[i] = rng.NormFloat64()
	}
	y := a.mul(omega, l)
	for range power {
		orthonormalize(y, a.Rows, l)
		z := a.mulT(y, l)
		orthonormalize(z, a.Cols, l)
		y = a.mul(z, l)
	}
	orthonormalize(y, a.Rows, l) // Q
	bt := a.mulT(y, l)           // Bᵀ = Aᵀ Q, cols×l
	// M = B Bᵀ, l×l.
	m := make([]float64, l*l)
	for d := 0; d < a.Cols; d++ {
		row := bt[d*l : (d+1)*l]
		for i := 0; i < l; i++ {
			if row[i] == 0 {
				continue
			}
			mi := m[i*l : (i+1)*l]
			for j := range mi {
				mi[j] += row[i] * row[j]
			}
		}
	}
	evals, evecs := jacobiEigen(m, l)
	order := make([]int, l)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return cmp.Compare(evals[j], evals[i]) })
	// U = Q·W, scaled by σ^½ = λ^¼.
	emb := make([]float64, a.Rows*dim)
	for r := 0; r < a.Rows; r++ {
		q := y[r*l : (r+1)*l]
		e := emb[r*dim : (r+1)*dim]
		for c := 0; c < dim; c++ {
			j := order[c]
			s := 0.0
			for i := 0; i < l; i++ {
				s += q[i] * evecs[i*l+j]
			}
			e[c] = s * math.Pow(max(evals[j], 0), 0.25)
		}
		normalize(e)
	}
	return emb
}

func normalize(v []float64) {
	n := math.Sqrt(dot(v, v))
	if n == 0 {
		return
	}
	for i := range v {
		v[i] /= n
	}
}

// jacobiEigen diagonalises the symmetric n×n matrix a (destroyed) by cyclic Jacobi
// rotations; it returns the eigenvalues and the eigenvectors as columns.
func jacobiEigen(a []float64, n int) ([]float64, []float64) {
	v := make([]float64, n*n)
	for i := 0; i < n; i++ {
		v[i*n+i] = 1
	}
	for sweep := 0; sweep < 100; sweep++ {
		off := 0.0
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				off += a[i*n+j] * a[i*n+j]
			}
		}
		if off < 1e-22 {
			break
		}
		for p := 0; p < n; p++ {
			for q := p + 1; q < n; q++ {
				apq := a[p*n+q]
				if math.Abs(apq) < 1e-300 {
					continue
				}
				theta := (a[q*n+q] - a[p*n+p]) / (2 * apq)
				t := math.Copysign(1, theta) / (math.Abs(theta) + math.Sqrt(theta*theta+1))
				c := 1 / math.Sqrt(t*t+1)
				s := t * c
				for k := 0; k < n; k++ {
					akp, akq := a[k*n+p], a[k*n+q]
					a[k*n+p] = c*akp - s*akq
					a[k*n+q] = s*akp + c*akq
				}
				for k := 0; k < n; k++ {
					apk, aqk := a[p*n+k], a[q*n+k]
					a[p*n+k] = c*apk - s*aqk
					a[q*n+k] = s*apk + c*aqk
				}
				for k := 0; k < n; k++ {
					vkp, vkq := v[k*n+p], v[k*n+q]
					v[k*n+p] = c*vkp - s*vkq
					v[k*n+q] = s*vkp + c*vkq
				}
			}
		}
	}
	ev := make([]float64, n)
	for i := range ev {
		ev[i] = a[i*n+i]
	}
	return ev, v
}

// SphericalKMeans clusters the n unit vectors in x (n×dim, row-major; weights may be nil)
// into k clusters by cosine similarity. It returns each vector's cluster and the unit
// centroids (k×dim).
func SphericalKMeans(x []float64, dim int, weights []float64, k, iters int, rng *rand.Rand) ([]int, []float64) {
	n := len(x) / dim
	w := func(i int) float64 {
		if weights == nil {
			return 1
		}
		return weights[i]
	}
	cent := make([]float64, k*dim)
	// k-means++ seeding with distance 1 - cos.
	best := make([]float64, n)
	for i := range best {
		best[i] = math.Inf(1)
	}
	first := rng.IntN(n)
	copy(cent[:dim], x[first*dim:(first+1)*dim])
	for c := 1; c < k; c++ {
		prev := cent[(c-1)*dim : c*dim]
		total := 0.0
		for i := 0; i < n; i++ {
			d := max(1-dot(prev, x[i*dim:(i+1)*dim]), 0)
			if d < best[i] {
				best[i] = d
			}
			total += best[i] * best[i] * w(i)
		}
		pick := n - 1
		if total > 0 {
			r := rng.Float64() * total
			for i := 0; i < n; i++ {
				r -= best[i] * best[i] * w(i)
				if r <= 0 {
					pick = i
					break
				}
			}
		} else {
			pick = rng.IntN(n)
		}
		copy(cent[c*dim:(c+1)*dim], x[pick*dim:(pick+1)*dim])
	}
	assign := make([]int, n)
	sims := make([]float64, n)
	for i := range assign {
		assign[i] = -1
	}
	for it := 0; it < iters; it++ {
		changed := 0
		for i := 0; i < n; i++ {
			xi := x[i*dim : (i+1)*dim]
			bc, bs := 0, math.Inf(-1)
			for c := 0; c < k; c++ {
				if s := dot(xi, cent[c*dim:(c+1)*dim]); s > bs {
					bc, bs = c, s
				}
			}
			if assign[i] != bc {
				changed++
				assign[i] = bc
			}
			sims[i] = bs
		}
		clear(cent)
		count := make([]float64, k)
		for i := 0; i < n; i++ {
			c := assign[i]
			count[c] += w(i)
			cc := cent[c*dim : (c+1)*dim]
			for j, v := range x[i*dim : (i+1)*dim] {
				cc[j] += w(i) * v
			}
		}
		for c := 0; c < k; c++ {
			if count[c] == 0 {
				// Re-seed an empty cluster with the point least like its own centroid.
				worst := 0
				for i := 1; i < n; i++ {
					if sims[i] < sims[worst] {
						worst = i
					}
				}
				sims[worst] = math.Inf(1)
				copy(cent[c*dim:(c+1)*dim], x[worst*dim:(worst+1)*dim])
				continue
			}
			normalize(cent[c*dim : (c+1)*dim])
		}
		if changed*1000 < n {
			break
		}
	}
	return assign, cent
}
