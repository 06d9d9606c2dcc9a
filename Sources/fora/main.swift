print("fora")
