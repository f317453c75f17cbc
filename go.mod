module github.com/tocsin-project/tocsin

go 1.26.8
