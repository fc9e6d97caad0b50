package tracker

// Hygiene test: "go test ./..." fails when a generated *_templ.go file is missing, stale or
// orphaned. CI (.ci/run) checks that too, with gofmt and templ fmt; this one check stays in the
// tests because it is the one that changes what "go test" tests: after an edit to a .templ
// file without "go generate ./...", the tests (the boards' golden files first) would run the
// old generated code and pass or fail for the wrong reason. Formatting changes nothing that
// runs, so only CI checks it.
//
// Every file checked is read with os.ReadFile and every directory is listed by the test
// process itself, so Go's test cache records them: editing, adding or removing a checked
// file re-runs these tests, and an unchanged tree gets the cached result. The templ CLI
// runs as a subprocess (the cache cannot see what it reads), so the tests also read its
// inputs: the .templ file and go.mod/go.sum, which pin the templ version.

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
)

// TestHygieneTemplGenerate checks that every .templ file has a committed, up-to-date
// *_templ.go, and that no *_templ.go is left without its .templ source.
func TestHygieneTemplGenerate(t *testing.T) {
	root := moduleRoot(t)
	goFiles, templFiles := walkSources(t, root)
	for _, p := range orphanProblems(goFiles, templFiles) {
		t.Error(p)
	}
	if len(templFiles) == 0 {
		t.Skip("no .templ file in the module")
	}
	readTemplVersionInputs(t, root)
	for _, p := range templGenerateProblems(templTool(t, root), root, templFiles) {
		t.Error(p)
	}
}

// TestHygieneSelfCheck proves that the checkers above catch what they claim to catch, on a
// throwaway tree in a temporary directory (the module may have no .templ file yet).
func TestHygieneSelfCheck(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the templ CLI; skipped with -short")
	}
	root := moduleRoot(t)
	tool := templTool(t, root)
	dir := t.TempDir()

	const clean = "package demo\n\ntempl Hello(name string) {\n\t<p>Hello, { name }</p>\n}\n"
	write := func(name, content string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/demo\n\ngo 1.26\n")
	write("ok/ok.templ", clean)
	write("stale/stale.templ", clean)
	write("missing/missing.templ", clean)
	write("good.go", "package demo\n\nfunc good() {}\n")
	write("testdata/skipped.go", "package  skipped\n")
	write(".hidden/skipped.go", "package  skipped\n")
	write("vendor/skipped.go", "package  skipped\n")
	write("node_modules/x/skipped.go", "package  skipped\n")
	write("_scratch/skipped.go", "package  skipped\n")

	cmd := exec.Command(tool, "generate", "-path", dir)
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("templ generate in %s: %v\n%s", dir, err, out)
	}
	if err := os.Remove(filepath.Join(dir, "missing", "missing_templ.go")); err != nil {
		t.Fatal(err)
	}
	write("stale/stale.templ", strings.Replace(clean, "Hello,", "Bonjour,", 1))
	write("orphan_templ.go", "package demo\n") // after generate, which deletes orphans

	goFiles, templFiles := walkSources(t, dir)
	wantGo := []string{"good.go", "orphan_templ.go", "ok/ok_templ.go", "stale/stale_templ.go"}
	slices.Sort(wantGo)
	if !slices.Equal(goFiles, wantGo) {
		t.Errorf("walk found .go files %q, want %q", goFiles, wantGo)
	}

	checks := []struct {
		name     string
		problems []string
		want     []string // the files blamed, in order
		fix      string   // the command every message must name
	}{
		{"orphans", orphanProblems(goFiles, templFiles), []string{"orphan_templ.go"}, "go tool templ generate"},
		{"generate", templGenerateProblems(tool, dir, templFiles),
			[]string{"missing/missing.templ", "stale/stale.templ"}, "go tool templ generate"},
	}
	for _, c := range checks {
		var blamed []string
		for _, p := range c.problems {
			blamed = append(blamed, strings.TrimSuffix(strings.Fields(p)[0], ":"))
			if !strings.Contains(p, c.fix) {
				t.Errorf("%s: message %q does not name the fix %q", c.name, p, c.fix)
			}
		}
		if !slices.Equal(blamed, c.want) {
			t.Errorf("%s blamed %q, want %q; messages:\n%s", c.name, blamed, c.want, strings.Join(c.problems, "\n"))
		}
	}
}

// moduleRoot returns the module root. The root package's tests run there; go.mod is read
// (not just stat'ed) so that the test cache depends on it.
func moduleRoot(t *testing.T) string {
	t.Helper()
	root, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.ReadFile(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("hygiene tests must run in the module root: %v", err)
	}
	return root
}

// skipDir reports whether a walk of the module skips a directory: the directories the go
// command ignores (".x", "_x", testdata), dependency trees (vendor, node_modules), and the
// git-ignored run-time directories at the root (assets from OWLCMS, captured samples,
// scratch files).
func skipDir(rel, name string) bool {
	switch {
	case strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_"):
		return true
	case name == "testdata" || name == "vendor" || name == "node_modules":
		return true
	case rel == "local" || rel == "samples" || rel == "tmp":
		return true
	}
	return false
}

// walkSources lists the .go and .templ files under root, as sorted slash-separated paths
// relative to root. Tracked and untracked files alike: git is not consulted.
func walkSources(t *testing.T, root string) (goFiles, templFiles []string) {
	t.Helper()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel != "." && skipDir(rel, d.Name()) {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		switch {
		case strings.HasSuffix(rel, ".go"):
			goFiles = append(goFiles, rel)
		case strings.HasSuffix(rel, ".templ"):
			templFiles = append(templFiles, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("walking %s: %v", root, err)
	}
	slices.Sort(goFiles)
	slices.Sort(templFiles)
	return goFiles, templFiles
}

// orphanProblems describes each *_templ.go file whose .templ source is gone;
// "go tool templ generate" deletes such files.
func orphanProblems(goFiles, templFiles []string) []string {
	var problems []string
	for _, rel := range goFiles {
		if !strings.HasSuffix(rel, "_templ.go") {
			continue
		}
		src := strings.TrimSuffix(rel, "_templ.go") + ".templ"
		if _, found := slices.BinarySearch(templFiles, src); !found {
			problems = append(problems, fmt.Sprintf("%s has no %s: run `go tool templ generate` (it deletes orphaned generated files) or delete it", rel, src))
		}
	}
	return problems
}

// templGenerateProblems compares each committed *_templ.go with the output of
// "templ generate -f FILE -stdout". That command prints nothing when the file next to the
// .templ is already up to date, so it runs on a copy of the .templ (and go.mod, for templ's
// version check) in a scratch tree with no generated file. The generator writes the .templ
// path relative to -path into the code (for runtime error messages), so the copy keeps the
// file's path relative to root, as "go generate" run at the root does.
func templGenerateProblems(tool, root string, files []string) []string {
	scratch, err := os.MkdirTemp("", "hygiene-templ-")
	if err != nil {
		return []string{fmt.Sprintf("creating a scratch directory for `go tool templ generate`: %v", err)}
	}
	defer os.RemoveAll(scratch)
	if mod, err := os.ReadFile(filepath.Join(root, "go.mod")); err == nil {
		_ = os.WriteFile(filepath.Join(scratch, "go.mod"), mod, 0o644)
	}
	return forEachFile(files, func(rel string) string {
		src, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil {
			return fmt.Sprintf("%s cannot be read: %v", rel, err)
		}
		cp := filepath.Join(scratch, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(cp), 0o755); err != nil {
			return fmt.Sprintf("%s: copying for `go tool templ generate`: %v", rel, err)
		}
		if err := os.WriteFile(cp, src, 0o644); err != nil {
			return fmt.Sprintf("%s: copying for `go tool templ generate`: %v", rel, err)
		}
		cmd := exec.Command(tool, "generate", "-path", scratch, "-f", cp, "-stdout")
		cmd.Dir = root
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		want, err := cmd.Output()
		if err == nil && len(want) == 0 {
			err = fmt.Errorf("it printed no code")
		}
		if err != nil {
			return fmt.Sprintf("%s fails `go tool templ generate`: %v\n%s", rel, err, stderr.Bytes())
		}
		gen := strings.TrimSuffix(rel, ".templ") + "_templ.go"
		got, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(gen)))
		switch {
		case os.IsNotExist(err):
			return fmt.Sprintf("%s has no generated %s: run `go tool templ generate` (or `go generate ./...`) and commit it", rel, gen)
		case err != nil:
			return fmt.Sprintf("%s: reading %s: %v", rel, gen, err)
		case !bytes.Equal(got, want):
			return fmt.Sprintf("%s: %s differs from what `go tool templ generate` writes: run it (or `go generate ./...`) and commit the result", rel, gen)
		}
		return ""
	})
}

// forEachFile runs check on every file, a few at a time (each check starts a process),
// and returns the non-empty results in the order of files.
func forEachFile(files []string, check func(rel string) string) []string {
	results := make([]string, len(files))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, rel := range files {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			results[i] = check(rel)
		})
	}
	wg.Wait()
	return slices.DeleteFunc(results, func(s string) bool { return s == "" })
}

// readTemplVersionInputs reads go.mod and go.sum, which pin the templ CLI, so that a templ
// upgrade invalidates the cached result of the templ check.
func readTemplVersionInputs(t *testing.T, root string) {
	t.Helper()
	for _, name := range []string{"go.mod", "go.sum"} {
		if _, err := os.ReadFile(filepath.Join(root, name)); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
}

// templTool returns the path of the templ binary pinned by go.mod's tool directive, built
// (or found in the build cache) once by "go tool -n templ", so the checks can start it
// directly instead of paying for "go tool" per file.
func templTool(t *testing.T, root string) string {
	t.Helper()
	cmd := exec.Command("go", "tool", "-n", "templ")
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go tool -n templ: %v\n%s", err, stderr.Bytes())
	}
	tool := strings.TrimSpace(string(out))
	if tool == "" || strings.Contains(tool, "\n") {
		t.Fatalf("go tool -n templ printed %q, want the path of the templ binary", out)
	}
	return tool
}
