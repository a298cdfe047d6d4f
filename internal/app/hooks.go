package app

import (
	"context"
	"io"
)

// Hooks let a caller that runs the program inside its own process (the end
// to end tests) learn what the program otherwise only prints for a person.
type Hooks struct {
	// Ready is called with the server's base address, such as
	// "http://127.0.0.1:41234", once it serves; with -listen :0 it is the
	// only way to know the port chosen.
	Ready func(url string)
}

// RunWith is Run with hooks. They travel in the context, so Run keeps the
// signature main calls and every subcommand that serves (serve, demo)
// honours them.
func RunWith(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer, h Hooks) error {
	return Run(context.WithValue(ctx, hooksKey{}, h), args, getenv, stdout, stderr)
}

type hooksKey struct{}

// ready tells RunWith's caller, if any, where the server listens.
func ready(ctx context.Context, url string) {
	if h, ok := ctx.Value(hooksKey{}).(Hooks); ok && h.Ready != nil {
		h.Ready(url)
	}
}
