package config

import (
	"embed"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// sources are this package's Go files: the doc comments of Config's fields
// are the one description of every setting, read here for flags, --help,
// `convanon config docs` and the README table.
//
//go:embed *.go
var sources embed.FS

// EnvPrefix starts the name of every environment variable that sets a field.
const EnvPrefix = "CONVANON_"

// Field describes one setting of Config: a leaf of the YAML tree (a scalar,
// a list or a map; structs are walked into).
type Field struct {
	Key     string // YAML path, e.g. "kafka.topics.optouts"
	Flag    string // flag name: Key with '_' as '-', e.g. "kafka.session-timeout"
	Env     string // environment variable, e.g. "CONVANON_KAFKA_TOPICS_OPTOUTS"
	Type    string // string, int, bool, duration, list, map
	Default string // the default, formatted as a flag would take it
	Doc     string // the field's doc comment, one paragraph
	Secret  bool   // never printed: tagged secret:"true"
	index   []int  // reflect field path from Config
}

// Fields lists every setting of Config in declaration order.
func Fields() []Field {
	docs := fieldDocs()
	def := reflect.ValueOf(Default())
	var out []Field
	var walk func(t reflect.Type, prefix string, index []int)
	walk = func(t reflect.Type, prefix string, index []int) {
		for i := range t.NumField() {
			sf := t.Field(i)
			name := yamlName(sf)
			if name == "" {
				continue
			}
			key := prefix + name
			idx := append(slices.Clone(index), i)
			if isStruct(sf.Type) {
				walk(sf.Type, key+".", idx)
				continue
			}
			out = append(out, Field{
				Key:     key,
				Flag:    strings.ReplaceAll(key, "_", "-"),
				Env:     EnvPrefix + strings.ToUpper(strings.NewReplacer(".", "_").Replace(key)),
				Type:    typeName(sf.Type),
				Default: format(def.FieldByIndex(idx)),
				Doc:     docs[t.Name()+"."+sf.Name],
				Secret:  sf.Tag.Get("secret") == "true",
				index:   idx,
			})
		}
	}
	walk(def.Type(), "", nil)
	return out
}

func yamlName(sf reflect.StructField) string {
	if !sf.IsExported() {
		return ""
	}
	name, _, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
	if name == "-" {
		return ""
	}
	return name
}

var durationType = reflect.TypeFor[time.Duration]()

// isStruct reports whether t is walked into rather than set as one value.
func isStruct(t reflect.Type) bool { return t.Kind() == reflect.Struct }

func typeName(t reflect.Type) string {
	switch {
	case t == durationType:
		return "duration"
	case t.Kind() == reflect.Pointer:
		return typeName(t.Elem())
	case t.Kind() == reflect.Slice:
		return "list"
	case t.Kind() == reflect.Map:
		return "map"
	}
	return t.Kind().String()
}

// format renders v as a flag or environment variable would give it.
func format(v reflect.Value) string {
	switch {
	case v.Type() == durationType:
		return v.Interface().(time.Duration).String()
	case v.Kind() == reflect.Pointer:
		if v.IsNil() {
			return ""
		}
		return format(v.Elem())
	case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.String:
		return strings.Join(v.Interface().([]string), ",")
	case v.Kind() == reflect.Map || v.Kind() == reflect.Slice:
		if v.Len() == 0 {
			return ""
		}
		b, err := yaml.Marshal(v.Interface())
		if err != nil {
			return "?"
		}
		return strings.TrimSpace(string(b))
	}
	return fmt.Sprint(v.Interface())
}

// fieldDocs maps "Type.Field" to the field's doc comment, from the
// package's embedded sources.
func fieldDocs() map[string]string {
	docs := map[string]string{}
	files, err := sources.ReadDir(".")
	if err != nil {
		panic("BUG: embedded config sources: " + err.Error())
	}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f.Name(), "_test.go") {
			continue
		}
		src, err := sources.ReadFile(f.Name())
		if err != nil {
			panic("BUG: embedded config sources: " + err.Error())
		}
		file, err := parser.ParseFile(fset, f.Name(), src, parser.ParseComments)
		if err != nil {
			panic("BUG: embedded config sources: " + err.Error())
		}
		ast.Inspect(file, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				return false
			}
			for _, fl := range st.Fields.List {
				for _, name := range fl.Names {
					docs[ts.Name.Name+"."+name.Name] = strings.Join(strings.Fields(fl.Doc.Text()), " ")
				}
			}
			return false
		})
	}
	return docs
}

// Overrides holds the settings given as flags, registered by RegisterFlags.
type Overrides struct {
	set map[string]string // by Field.Key, in the order given
}

// overrideValue is the flag.Value of one setting: it records the raw text,
// parsed later over the file and environment.
type overrideValue struct {
	o   *Overrides
	f   Field
	val string
}

func (v *overrideValue) String() string { return v.val }

func (v *overrideValue) Set(s string) error {
	// Parse now into a scratch config so a bad flag fails with its name.
	c := Default()
	if err := setString(reflect.ValueOf(&c).Elem().FieldByIndex(v.f.index), v.f.Key, s); err != nil {
		return err
	}
	v.val = s
	v.o.set[v.f.Key] = s
	return nil
}

// IsBoolFlag lets boolean settings be given as a bare --flag.
func (v *overrideValue) IsBoolFlag() bool { return v.f.Type == "bool" }

// RegisterFlags defines one flag per Field on fs, named Field.Flag, with
// its doc comment as usage; secret fields get a flag too, though the
// environment is the better place for them.
func RegisterFlags(fs *flag.FlagSet) *Overrides {
	o := &Overrides{set: map[string]string{}}
	for _, f := range Fields() {
		usage := f.Doc + " (`" + f.Type + "`; env " + f.Env + ")"
		fs.Var(&overrideValue{o: o, f: f}, f.Flag, usage)
	}
	return o
}

// Set records a flag-level override of the setting key, as RegisterFlags'
// flags do; commands use it for their short aliases (--brokers, --out).
func (o *Overrides) Set(key, value string) {
	o.set[key] = value
}

// Resolve builds the effective configuration: Default, then the YAML file
// at path (none when path is ""), then the CONVANON_* variables lookup
// finds, then the flag overrides o (nil for none). It does not validate.
// Errors name the setting and its source, never a secret's value.
func Resolve(path string, lookup func(string) (string, bool), o *Overrides) (Config, error) {
	c := Default()
	if path != "" {
		var err error
		if c, err = Load(path); err != nil {
			return Config{}, err
		}
	}
	v := reflect.ValueOf(&c).Elem()
	var errs []error
	for _, f := range Fields() {
		if s, ok := lookup(f.Env); ok {
			if err := setString(v.FieldByIndex(f.index), f.Key, s); err != nil {
				errs = append(errs, fmt.Errorf("environment %s: %w", f.Env, err))
			}
		}
	}
	if o != nil {
		for _, f := range Fields() {
			if s, ok := o.set[f.Key]; ok {
				if err := setString(v.FieldByIndex(f.index), f.Key, s); err != nil {
					errs = append(errs, fmt.Errorf("flag --%s: %w", f.Flag, err))
				}
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return Config{}, err
	}
	return c, nil
}

// setString sets v from the text s of a flag or environment variable:
// scalars as written, lists comma-separated, maps as YAML (flow style fits
// on a command line: {acme: {hipaa: true}}).
func setString(v reflect.Value, key, s string) error {
	switch {
	case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.String:
		var list []string
		for part := range strings.SplitSeq(s, ",") {
			if part = strings.TrimSpace(part); part != "" {
				list = append(list, part)
			}
		}
		v.Set(reflect.ValueOf(list))
		return nil
	case v.Kind() == reflect.Map || v.Kind() == reflect.Slice:
		var n yaml.Node
		if err := yaml.Unmarshal([]byte(s), &n); err != nil {
			return fmt.Errorf("%s: not YAML: %w", key, err)
		}
		var errs []error
		decodeNode(&n, v, key, &errs)
		return errors.Join(errs...)
	}
	return setScalar(v, key, s)
}

// setScalar parses s into a scalar field. Its errors name the key and the
// expected form; they show the value only for non-string kinds, which
// hold no secret.
func setScalar(v reflect.Value, key, s string) error {
	switch {
	case v.Type() == durationType:
		d, err := parseDuration(s)
		if err != nil {
			return fmt.Errorf("%s: %q is not a duration; write e.g. 30s, 5m, 24h or 730d", key, s)
		}
		v.SetInt(int64(d))
	case v.Kind() == reflect.Pointer:
		e := reflect.New(v.Type().Elem())
		if err := setScalar(e.Elem(), key, s); err != nil {
			return err
		}
		v.Set(e)
	case v.Kind() == reflect.String:
		v.SetString(s)
	case v.Kind() == reflect.Bool:
		b, err := strconv.ParseBool(s)
		if err != nil {
			return fmt.Errorf("%s: %q is not a boolean; write true or false", key, s)
		}
		v.SetBool(b)
	case v.CanInt():
		n, err := strconv.ParseInt(strings.ReplaceAll(s, "_", ""), 10, 64)
		if err != nil || v.OverflowInt(n) {
			return fmt.Errorf("%s: %q is not an integer", key, s)
		}
		v.SetInt(n)
	default:
		panic("BUG: config field " + key + " has an unsupported type " + v.Type().String())
	}
	return nil
}

// parseDuration is time.ParseDuration plus whole days ("730d"), the unit
// retention ages are thought in.
func parseDuration(s string) (time.Duration, error) {
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil {
			return 0, err
		}
		return time.Duration(n) * 24 * time.Hour, nil
	}
	return time.ParseDuration(s)
}

// decodeYAML decodes b into c, walking the YAML tree beside c's type so an
// unknown key is reported with the valid ones at that place, and a bad
// value with its key and line. Every problem is reported.
func decodeYAML(b []byte, c *Config) error {
	var n yaml.Node
	if err := yaml.Unmarshal(b, &n); err != nil {
		return fmt.Errorf("parse: %w", err)
	}
	var errs []error
	decodeNode(&n, reflect.ValueOf(c).Elem(), "", &errs)
	return errors.Join(errs...)
}

func decodeNode(n *yaml.Node, v reflect.Value, key string, errs *[]error) {
	add := func(format string, a ...any) {
		where := key
		if where == "" {
			where = "(top level)"
		}
		*errs = append(*errs, fmt.Errorf("line %d: %s: %s", n.Line, where, fmt.Sprintf(format, a...)))
	}
	switch n.Kind {
	case 0:
		return // empty document
	case yaml.DocumentNode:
		for _, c := range n.Content {
			decodeNode(c, v, key, errs)
		}
		return
	case yaml.AliasNode:
		decodeNode(n.Alias, v, key, errs)
		return
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		v.SetZero()
		return
	}
	switch {
	case isStruct(v.Type()) && v.Type() != durationType:
		if n.Kind != yaml.MappingNode {
			add("want a mapping of %s", strings.Join(validKeys(v.Type()), ", "))
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			idx := fieldIndex(v.Type(), k.Value)
			if idx < 0 {
				msg := "unknown key %s; valid keys here: %s"
				if s := suggest(k.Value, validKeys(v.Type())); s != "" {
					msg += " (did you mean " + s + "?)"
				}
				*errs = append(*errs, fmt.Errorf("line %d: "+msg, k.Line, join(key, k.Value), strings.Join(validKeys(v.Type()), ", ")))
				continue
			}
			decodeNode(val, v.Field(idx), join(key, k.Value), errs)
		}
	case v.Kind() == reflect.Map:
		if n.Kind != yaml.MappingNode {
			add("want a mapping")
			return
		}
		if v.IsNil() {
			v.Set(reflect.MakeMap(v.Type()))
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			e := reflect.New(v.Type().Elem()).Elem()
			if old := v.MapIndex(reflect.ValueOf(k.Value)); old.IsValid() {
				e.Set(old)
			}
			decodeNode(val, e, join(key, k.Value), errs)
			v.SetMapIndex(reflect.ValueOf(k.Value), e)
		}
	case v.Kind() == reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			add("want a list")
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, c := range n.Content {
			decodeNode(c, s.Index(i), fmt.Sprintf("%s[%d]", key, i), errs)
		}
		v.Set(s)
	default:
		if n.Kind != yaml.ScalarNode {
			add("want a single value, not a list or mapping")
			return
		}
		if err := setScalar(v, key, n.Value); err != nil {
			*errs = append(*errs, fmt.Errorf("line %d: %w", n.Line, err))
		}
	}
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

func fieldIndex(t reflect.Type, name string) int {
	for i := range t.NumField() {
		if n := yamlName(t.Field(i)); n != "" && n == name {
			return i
		}
	}
	return -1
}

func validKeys(t reflect.Type) []string {
	var keys []string
	for i := range t.NumField() {
		if n := yamlName(t.Field(i)); n != "" {
			keys = append(keys, n)
		}
	}
	slices.Sort(keys)
	return keys
}

// suggest returns the valid key closest to a mistyped one, if close.
func suggest(got string, valid []string) string {
	best, bestD := "", 3
	for _, k := range valid {
		if d := editDistance(got, k); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Redacted returns a copy of c with every secret setting that is set
// replaced by "[hidden]", for printing.
func (c Config) Redacted() Config {
	v := reflect.ValueOf(&c).Elem()
	for _, f := range Fields() {
		if fv := v.FieldByIndex(f.index); f.Secret && !fv.IsZero() {
			fv.SetString("[hidden]")
		}
	}
	return c
}

// WriteYAML prints c, secrets hidden, as a YAML configuration file.
func (c Config) WriteYAML(w io.Writer) error {
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(c.Redacted()); err != nil {
		return fmt.Errorf("encode configuration: %w", err)
	}
	return enc.Close()
}

// WriteTable prints every setting as a Markdown table: key, flag,
// environment variable, default and description. The README's
// configuration table is this output.
func WriteTable(w io.Writer) error {
	var b strings.Builder
	b.WriteString("| key | flag / environment | default | description |\n|---|---|---|---|\n")
	docs := fieldDocs()
	t := reflect.TypeFor[Config]()
	for _, f := range Fields() {
		def := "`" + f.Default + "`"
		if f.Default == "" {
			def = ""
		}
		fmt.Fprintf(&b, "| `%s` | `--%s`<br>`%s` | %s | %s |\n", f.Key, f.Flag, f.Env, strings.ReplaceAll(def, "|", "\\|"), strings.ReplaceAll(f.Doc, "|", "\\|"))
		// A map of structs (tenants) is one flag, but each of its entries'
		// fields is a setting worth a row.
		if ft := t.FieldByIndex(f.index).Type; ft.Kind() == reflect.Map && ft.Elem().Kind() == reflect.Struct {
			et := ft.Elem()
			for i := range et.NumField() {
				if name := yamlName(et.Field(i)); name != "" {
					fmt.Fprintf(&b, "| `%s.<id>.%s` | (in `--%s`) | | %s |\n", f.Key, name, f.Flag, strings.ReplaceAll(docs[et.Name()+"."+et.Field(i).Name], "|", "\\|"))
				}
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
