"""The command-line run: arguments, files, reading, the per-file runner, parallel workers, progress, caches and corpus mode."""
