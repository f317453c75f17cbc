//go:build !unix

package export

import "time"

// cpuTime is unknown on this platform.
func cpuTime() time.Duration { return 0 }
