package hub

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// StreamReplacer is an AssetStore that can take a set file by file, straight from the ZIP, so
// that a large set (pictures) is never held in memory whole. fill calls put once per file; put
// reads r to its end and returns the bytes written. Whatever fill or put fails with, the previous
// set stays in place and the error is returned as is.
type StreamReplacer interface {
	ReplaceStream(kind AssetKind, fill func(put func(name string, r io.Reader) (int64, error)) error) error
}

var _ StreamReplacer = (*DirStore)(nil)

// StoreError marks an error of the store itself (disk full, permissions), as opposed to one of
// the content it was given.
type StoreError struct{ Err error }

func (e *StoreError) Error() string { return e.Err.Error() }
func (e *StoreError) Unwrap() error { return e.Err }

// ReplaceStream implements StreamReplacer with the same directory swap as Replace.
func (s *DirStore) ReplaceStream(kind AssetKind, fill func(put func(name string, r io.Reader) (int64, error)) error) error {
	if err := validKind(kind); err != nil {
		return err
	}
	tmp := "." + string(kind) + dirTmpInfix + rand.Text()
	if err := s.root.Mkdir(tmp, 0o755); err != nil {
		return &StoreError{fmt.Errorf("asset dir: %w", err)}
	}
	index := map[string]dirFile{}
	err := fill(func(name string, r io.Reader) (int64, error) { return s.writeStream(tmp, name, r, index) })
	if err != nil {
		s.root.RemoveAll(tmp)
		return err
	}
	if err := s.install(kind, tmp, index); err != nil {
		return &StoreError{err}
	}
	return nil
}

// writeStream writes one file of a set being built under dir, hashing it on the way.
func (s *DirStore) writeStream(dir, name string, r io.Reader, index map[string]dirFile) (int64, error) {
	clean, err := CleanEntryName(name)
	if err != nil || strings.ContainsRune(name, '\\') {
		return 0, &StoreError{fmt.Errorf("asset dir: invalid name %q: %w", name, fs.ErrInvalid)}
	}
	if d := path.Dir(clean); d != "." {
		if err := s.root.MkdirAll(filepath.Join(dir, filepath.FromSlash(d)), 0o755); err != nil {
			return 0, &StoreError{fmt.Errorf("asset dir: %w", err)}
		}
	}
	w, err := s.root.OpenFile(filepath.Join(dir, filepath.FromSlash(clean)), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		// Case-insensitive file system: the first written wins, as in Replace. Still read the
		// content, so that the archive's caps and CRC are checked.
		n, err := io.Copy(io.Discard, r)
		return n, err
	}
	if err != nil {
		return 0, &StoreError{fmt.Errorf("asset dir: %w", err)}
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(w, h), r)
	if err != nil {
		w.Close()
		return n, err // the content's error (too large, corrupt) or the disk's
	}
	info, serr := w.Stat()
	if cerr := w.Close(); cerr != nil || serr != nil {
		return n, &StoreError{fmt.Errorf("asset dir: writing %s: %w", clean, errors.Join(serr, cerr))}
	}
	index[clean] = dirFile{etag: `"` + hex.EncodeToString(h.Sum(nil)[:12]) + `"`, size: n, mod: info.ModTime()}
	return n, nil
}
