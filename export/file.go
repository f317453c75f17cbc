package export

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrExists is returned by Create for a target that exists when overwriting was not
// asked for.
var ErrExists = errors.New("file exists (use --force to overwrite it)")

// Output is where an export goes: standard output, or a temporary file beside the
// target that Commit renames to the target's name, so that an interrupted export never
// leaves a half-written file under that name.
type Output struct {
	io.Writer
	path string   // the target; "" for standard output
	tmp  *os.File // the temporary file
}

// Create opens the output for path: "-" means stdout. An existing path is refused with
// ErrExists unless force is set; a directory is always refused.
func Create(path string, stdout io.Writer, force bool) (*Output, error) {
	if path == "-" {
		return &Output{Writer: stdout}, nil
	}
	switch fi, err := os.Stat(path); {
	case err == nil && fi.IsDir():
		return nil, fmt.Errorf("%s: is a directory", path)
	case err == nil && !force:
		return nil, fmt.Errorf("%s: %w", path, ErrExists)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil { // CreateTemp makes it private
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &Output{Writer: tmp, path: path, tmp: tmp}, nil
}

// Commit syncs the temporary file and renames it to the target. For stdout it does
// nothing.
func (o *Output) Commit() error {
	if o.tmp == nil {
		return nil
	}
	err := o.tmp.Sync()
	if cerr := o.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(o.tmp.Name(), o.path)
	}
	if err != nil {
		os.Remove(o.tmp.Name())
		return fmt.Errorf("%s: %w", o.path, err)
	}
	o.tmp = nil
	return nil
}

// Abort removes the temporary file, leaving the target as it was. It is safe to call
// after Commit, which makes it a no-op.
func (o *Output) Abort() {
	if o.tmp == nil {
		return
	}
	o.tmp.Close()
	os.Remove(o.tmp.Name())
	o.tmp = nil
}
