"""A synthetic area for the demo, the browser tests and benchmarks: nobody in it is a real person."""
