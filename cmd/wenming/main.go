// Command wenming runs the civilized-city campaign platform.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"wenming/internal/app"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := app.Run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "wenming:", err)
		os.Exit(1)
	}
}
