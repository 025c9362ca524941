package detector

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRegistryEntriesAreComplete: every registered detector has a valid, unique name
// its detector reports, a constructor, a prefilter (a clean value must not be
// scanned by every detector) that lists only bytes the profile counts, and a row in
// the README's table.
func TestRegistryEntriesAreComplete(t *testing.T) {
	validName := regexp.MustCompile(`^[a-z0-9_]{1,64}$`)
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	require.NoError(t, err)
	seen := map[string]bool{}
	for _, b := range Builtins() {
		assert.Regexp(t, validName, b.Name)
		assert.False(t, seen[b.Name], "%s is registered twice", b.Name)
		seen[b.Name] = true
		if !assert.NotNil(t, b.New, "%s has no constructor", b.Name) {
			continue
		}
		assert.Equal(t, b.Name, b.New(Options{}).Name(), "the detector registered as %s reports another name", b.Name)
		assert.NotEqual(t, Prefilter{}, b.Prefilter, "%s has no prefilter: it would scan every value", b.Name)
		for i := 0; i < len(b.Prefilter.AnyOf); i++ {
			assert.True(t, countedAlone(b.Prefilter.AnyOf[i]), "%s: the profile does not count %q on its own", b.Name, b.Prefilter.AnyOf[i])
		}
		assert.True(t, readmeHasRow(string(readme), b.Name), "README.md has no row for %s", b.Name)
	}
}

// readmeHasRow reports a row of the README's detector table that names the detector.
func readmeHasRow(readme, name string) bool {
	for _, line := range strings.Split(readme, "\n") {
		if cells := strings.Split(line, "|"); len(cells) > 2 && strings.Contains(cells[1], "`"+name+"`") {
			return true
		}
	}
	return false
}

// TestRegistryIsComplete: every detector type in the package is registered, so a
// detector cannot be written and then never run, and every Builtin declared is in
// the run-order table.
func TestRegistryIsComplete(t *testing.T) {
	pkg := loadPackage(t)
	registered := map[string]bool{}
	for _, b := range builtins {
		registered[reflect.Indirect(reflect.ValueOf(b.New(Options{}))).Type().Name()] = true
	}
	assert.Len(t, slices.Compact(slices.Sorted(slices.Values(pointers(builtins[:])))), len(builtins), "an entry is listed twice")
	declared := 0
	for _, name := range pkg.types.Scope().Names() {
		obj := pkg.types.Scope().Lookup(name)
		if v, ok := obj.(*types.Var); ok && types.Identical(v.Type(), pkg.types.Scope().Lookup("Builtin").Type()) {
			declared++
		}
		tn, ok := obj.(*types.TypeName)
		if !ok || name == "pattern" {
			continue
		}
		if m, _, _ := types.LookupFieldOrMethod(types.NewPointer(tn.Type()), true, pkg.types, "AppendMatches"); m != nil {
			assert.True(t, registered[name], "detector type %s (%s) is not registered in builtins", name, pkg.fset.Position(obj.Pos()))
		}
	}
	assert.Len(t, builtins, declared, "a Builtin is declared but not listed in builtins")
}

func pointers(bs []*Builtin) []uintptr {
	out := make([]uintptr, len(bs))
	for i, b := range bs {
		out[i] = reflect.ValueOf(b).Pointer()
	}
	return out
}

// TestNoDetectorUsesAnother: a detector's files (<name>.go, <name>_*.go) use only
// their own declarations and the shared files' (character classes, check digits,
// context words...), so that a detector can be changed or removed alone. Shared files
// use no detector's declarations.
func TestNoDetectorUsesAnother(t *testing.T) {
	pkg := loadPackage(t)
	owner := func(file string) string {
		base := strings.TrimSuffix(filepath.Base(file), ".go")
		for _, b := range builtins {
			if base == b.Name || strings.HasPrefix(base, b.Name+"_") {
				return b.Name
			}
		}
		if base == "registry" { // the run-order table lists every detector's entry
			return "registry"
		}
		return ""
	}
	for ident, obj := range pkg.info.Uses {
		if obj.Parent() != pkg.types.Scope() {
			continue // not a package-level declaration
		}
		user, declarer := owner(pkg.fset.Position(ident.Pos()).Filename), owner(pkg.fset.Position(obj.Pos()).Filename)
		if user == "registry" || declarer == "" || declarer == "registry" || declarer == user {
			continue
		}
		t.Errorf("%s uses %s, declared by detector %s: move it to a shared file",
			pkg.fset.Position(ident.Pos()), ident.Name, declarer)
	}
}

type loadedPackage struct {
	fset  *token.FileSet
	types *types.Package
	info  *types.Info
}

// loadPackage type-checks the package's non-test files.
func loadPackage(t *testing.T) loadedPackage {
	t.Helper()
	fset := token.NewFileSet()
	names, err := filepath.Glob("*.go")
	require.NoError(t, err)
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		require.NoError(t, err)
		files = append(files, f)
	}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, err := conf.Check("detector", fset, files, info)
	require.NoError(t, err)
	return loadedPackage{fset: fset, types: pkg, info: info}
}
